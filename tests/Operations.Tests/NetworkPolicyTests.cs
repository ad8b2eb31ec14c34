using CivilAffairs.Operations.Tests.Deployment;
using static CivilAffairs.Operations.Tests.Deployment.KubernetesManifests;

namespace CivilAffairs.Operations.Tests;

/// <summary>
/// infra/k8s/network-policies.yaml against the code: nothing is admitted by default, every workload has a policy of its
/// own, and each pod admits exactly the edges that exist: partners to the gateway, the gateway to the services on the
/// ports its clusters use, the services that really call one another (App.Calls: clients and outbox targets) on the
/// gRPC port, Prometheus to the management ports, each service (and the replica-set initiation) to its own store.
/// NetworkPolicies add up: what a pod admits is the union of every policy that selects it, and that is what is checked.
/// </summary>
public sealed class NetworkPolicyTests
{
    /// <summary>A rule without <c>from</c>, or one admitting other namespaces or IP blocks: anyone.</summary>
    private const string Anyone = "(anyone)";
    private const string EveryPort = "(every port)";
    private const string Prometheus = "prometheus"; // infra/observability/k8s.yaml: it scrapes the management ports
    private const string Initiation = "mongo-replica-sets"; // the Job that initiates the replica sets (mongodb.yaml)
    private const string NameLabel = "app.kubernetes.io/name";

    private static readonly IReadOnlyList<Yaml> Workloads = Documents.Concat(Yaml.LoadAll("infra/observability/k8s.yaml"))
        .Where(d => d["kind"].Text is "Deployment" or "StatefulSet" or "Job")
        .ToList();

    private static readonly IReadOnlyList<Yaml> Policies = Documents.Where(d => d["kind"].Text == "NetworkPolicy").ToList();

    /// <summary>The workloads that receive traffic: the Job only calls out, and default-deny covers it.</summary>
    public static TheoryData<string> ReceivingWorkloads() => new(Workloads.Where(w => w["kind"].Text != "Job").Select(NameOf));

    private static string NameOf(Yaml workload) => workload["metadata"]["name"].Text;

    private static Yaml Workload(string name) => Workloads.Single(w => NameOf(w) == name);

    private static IReadOnlyDictionary<string, string> PodLabels(Yaml workload) =>
        workload["spec"]["template"].Optional("metadata")?.Optional("labels")?.Strings ?? new Dictionary<string, string>();

    private static bool Selects(Yaml selector, Yaml workload)
    {
        Assert.False(selector.Has("matchExpressions"), $"{selector}: matchExpressions are not read by these tests");
        var wanted = selector.Optional("matchLabels")?.Strings ?? new Dictionary<string, string>();
        var labels = PodLabels(workload);
        return wanted.All(label => labels.TryGetValue(label.Key, out var value) && value == label.Value);
    }

    private static IEnumerable<Yaml> PoliciesOf(Yaml workload) => Policies.Where(p => Selects(p["spec"]["podSelector"], workload));

    /// <summary>Every "peer -> port" the policies selecting <paramref name="workload"/> admit (peer: a workload's name
    /// or <see cref="Anyone"/>; port: the pod's port number or <see cref="EveryPort"/>).</summary>
    private static SortedSet<string> Admitted(Yaml workload)
    {
        var admitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var policy in PoliciesOf(workload))
        {
            var spec = policy["spec"];
            if (spec.Optional("policyTypes") is { } types && types.Items.All(t => t.Text != "Ingress")) continue;
            foreach (var rule in spec.Optional("ingress")?.Items ?? [])
            {
                var peers = rule.Optional("from") is { } from ? from.Items.SelectMany(Peers).ToList() : [Anyone];
                var ports = rule.Optional("ports") is { } list ? list.Items.Select(p => PodPort(p, workload)).ToList() : [EveryPort];
                foreach (var peer in peers)
                    foreach (var port in ports)
                        admitted.Add($"{peer} -> {port}");
            }
        }
        return admitted;
    }

    private static IEnumerable<string> Peers(Yaml peer) =>
        peer.Has("ipBlock") || peer.Has("namespaceSelector") ? [Anyone] : Workloads.Where(w => Selects(peer["podSelector"], w)).Select(NameOf);

    private static string PodPort(Yaml port, Yaml workload)
    {
        Assert.Equal("TCP", port.Optional("protocol")?.Text ?? "TCP");
        Assert.False(port.Has("endPort"), $"{port}: port ranges are not read by these tests");
        if (port.Optional("port")?.Text is not { } value) return EveryPort;
        if (int.TryParse(value, out _)) return value;
        // A named port: the one the pod's containers declare under that name.
        return workload["spec"]["template"]["spec"]["containers"].Items.SelectMany(c => c.Optional("ports")?.Items ?? [])
            .Single(p => p["name"].Text == value)["containerPort"].Text;
    }

    private static string Edge(string peer, int port) => $"{peer} -> {port}";

    [Fact]
    public void Nothing_is_admitted_by_default()
    {
        Assert.Contains(Policies, p => p["spec"]["podSelector"].Value is IDictionary<object, object?> { Count: 0 }
            && p["spec"]["policyTypes"].Items.Any(t => t.Text == "Ingress") && !p["spec"].Has("ingress"));
        Assert.All(Policies, p => Assert.Equal("civilaffairs", p["metadata"]["namespace"].Text));
    }

    [Theory]
    [MemberData(nameof(ReceivingWorkloads))]
    public void Every_workload_has_a_NetworkPolicy_of_its_own(string name)
    {
        var workload = Workload(name);
        var own = PodLabels(workload)[NameLabel];
        Assert.Contains(PoliciesOf(workload), p =>
            p["spec"]["podSelector"].Optional("matchLabels")?.Strings.GetValueOrDefault(NameLabel) == own
            && (p["spec"].Optional("policyTypes")?.Items.Any(t => t.Text == "Ingress") ?? true));
    }

    [Fact]
    public void Every_selector_of_every_policy_names_pods_that_exist()
    {
        // A label typo would select nobody: a policy protecting no pod, or an edge admitting no one.
        Assert.All(Policies, policy =>
        {
            Assert.Contains(Workloads, w => Selects(policy["spec"]["podSelector"], w));
            foreach (var peer in (policy["spec"].Optional("ingress")?.Items ?? []).SelectMany(r => r.Optional("from")?.Items ?? []))
                if (!peer.Has("namespaceSelector") && !peer.Has("ipBlock"))
                    Assert.True(Workloads.Any(w => Selects(peer["podSelector"], w)), $"{peer} selects no pod");
        });
    }

    [Fact]
    public void The_gateway_admits_anyone_on_its_two_ports_and_Prometheus_on_its_management_port_only()
    {
        var gateway = App.Gateway;
        var expected = gateway.Endpoints.Values.Select(port => Edge(Anyone, port)).Append(Edge(Prometheus, gateway.ManagementPort));
        Assert.Equal(new SortedSet<string>(expected, StringComparer.Ordinal), Admitted(Get("Deployment", gateway.Name)));
    }

    [Theory]
    [MemberData(nameof(App.ServiceNames), MemberType = typeof(App))]
    public void Each_service_admits_the_gateway_on_its_ports_its_callers_on_its_gRPC_port_Prometheus_on_its_management_port_and_nobody_else(string name)
    {
        var app = App.Named(name);
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        // The gateway on the ports its YARP clusters for this service use (REST and gRPC).
        foreach (var cluster in GatewayClusters.All.Where(c => c.Service == app)) expected.Add(Edge(App.Gateway.Name, cluster.Port));
        // The services that really call it (a client or an outbox target in their code), on its gRPC port only.
        foreach (var caller in App.Services.Where(other => other.Calls.Contains(app.Name))) expected.Add(Edge(caller.Name, app.GrpcPort));
        // Prometheus on the management port (/metrics).
        expected.Add(Edge(Prometheus, app.ManagementPort));
        Assert.Contains(Workloads, w => NameOf(w) == Prometheus);
        Assert.Equal(expected, Admitted(Get("Deployment", app.Name)));
    }

    [Theory]
    [MemberData(nameof(App.ServiceNames), MemberType = typeof(App))]
    public void Each_store_admits_its_own_service_its_members_and_the_replica_set_initiation_and_nobody_else(string name)
    {
        var app = App.Named(name);
        var store = Get("StatefulSet", $"{app.Name}-mongo");
        var port = int.Parse(Container(store)["ports"].Items.Single()["containerPort"].Text);
        // The Job initiating the replica sets connects to each store's first member (its args: init <store>).
        Assert.Contains($"init {app.Name}-mongo", Container(Get("Job", Initiation))["args"].Items.Single().Text);
        var expected = new[] { app.Name, $"{app.Name}-mongo", Initiation }.Select(peer => Edge(peer, port));
        Assert.Equal(new SortedSet<string>(expected, StringComparer.Ordinal), Admitted(store));
    }

    [Fact]
    public void Every_app_reaches_the_collector_and_the_collector_the_dashboard()
    {
        var collector = Get("Deployment", "otel-collector");
        Assert.All(App.All, app =>
        {
            var endpoint = new Uri(Environment(Get("Deployment", app.Name))["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Contains(Edge(app.Name, PodPortOfService(endpoint.Host, endpoint.Port)), Admitted(collector));
        });
        foreach (var (_, exporter) in Yaml.Load("infra/otel-collector.yaml")["exporters"].Entries)
        {
            var target = exporter["endpoint"].Text.Split(':');
            Assert.Contains(Edge("otel-collector", PodPortOfService(target[0], int.Parse(target[1]))), Admitted(Get("Deployment", target[0])));
        }
    }

    /// <summary>The pod port behind a Service's port (policies admit pod ports, clients dial Service ports).</summary>
    private static int PodPortOfService(string service, int servicePort)
    {
        var entry = Get("Service", service)["spec"]["ports"].Items.Single(p => p["port"].Text == $"{servicePort}");
        var target = entry.Optional("targetPort")?.Text ?? $"{servicePort}";
        if (int.TryParse(target, out var number)) return number;
        return int.Parse(Container(Get("Deployment", service))["ports"].Items.Single(p => p["name"].Text == target)["containerPort"].Text);
    }
}
