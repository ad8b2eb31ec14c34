using CivilAffairs.Operations.Tests.Deployment;
using Microsoft.Extensions.Hosting;
using static CivilAffairs.Operations.Tests.Deployment.KubernetesManifests;

namespace CivilAffairs.Operations.Tests;

/// <summary>infra/k8s against the code: configuration keys, ports, health paths, stores, autoscaling, telemetry.</summary>
public sealed class KubernetesManifestTests
{
    [Fact]
    public void The_kustomization_applies_every_manifest_in_the_folder()
    {
        var resources = Yaml.Load($"{Folder}/kustomization.yaml")["resources"].Items.Select(r => r.Text).ToList();
        // Besides the folder's own manifests, the operators' base (Prometheus, Grafana) with its own kustomization.
        Assert.Contains("../observability", resources);
        Assert.Equal(Files.Where(f => !f.EndsWith("/kustomization.yaml", StringComparison.Ordinal)),
            resources.Where(r => r != "../observability").Select(r => $"{Folder}/{r}").Order());
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_app_has_a_Deployment_a_Service_and_a_Dockerfile(string name)
    {
        var app = App.Named(name);
        var selector = Get("Deployment", app.Name)["spec"]["selector"]["matchLabels"].Strings;
        var podLabels = Get("Deployment", app.Name)["spec"]["template"]["metadata"]["labels"].Strings;
        Assert.All(selector, label => Assert.Equal(label.Value, podLabels[label.Key]));
        Assert.Equal(selector, Get("Service", app.Name)["spec"]["selector"].Strings);
        Assert.True(File.Exists(Repository.PathOf($"{app.Folder}/Dockerfile")));
        Assert.Equal($"civilaffairs/{app.Name}", Container(Get("Deployment", app.Name))["image"].Text.Split(':')[0]);
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_setting_from_ConfigMap_and_Secret_is_one_the_app_reads_and_every_setting_it_needs_is_there(string name)
    {
        var app = App.Named(name);
        var deployment = Get("Deployment", app.Name);
        var environment = Environment(deployment);
        Assert.All(environment.Keys, key => Assert.True(ConfigurationKeys.WhyUnread(app, key) is null,
            $"{Folder}: {app}: {key}: {ConfigurationKeys.WhyUnread(app, key)}"));
        Assert.Empty(ConfigurationKeys.Required(app, mongo: app.HasStore).Except(environment.Keys));
        var secrets = Container(deployment)["envFrom"].Items.Where(s => s.Has("secretRef"))
            .ToDictionary(s => s["secretRef"]["name"].Text, s => Secret(s["secretRef"]["name"].Text));
        if (app.HasStore)
        {
            Assert.Equal("mongo", environment["Storage__Provider"]);
            // The store's address is a secret (it carries credentials), not plain configuration.
            Assert.Contains(secrets.Values, secret => secret.ContainsKey("ConnectionStrings__Mongo"));
        }
        // The service credentials (ServiceAuth) come from the Secrets the operator creates from infra/make-secrets
        // (DEPLOYING.md, "Service keys"; not in the repository, see OperatorSecrets): its own private key
        // (ServiceAuth__SigningKey) from <name>-service-key, the callers' public keys (ServiceAuth__Trusted__<caller>)
        // from service-trust, and from nowhere else. Outside Development a process trusting no key refuses to start.
        Assert.Equal(OperatorSecrets.Unknown, secrets[OperatorSecrets.KeySecret(app.Name)][OperatorSecrets.SigningKey]);
        Assert.Contains(secrets[OperatorSecrets.TrustSecret].Keys, key => key.StartsWith(OperatorSecrets.TrustedPrefix, StringComparison.Ordinal));
        Assert.All(environment.Where(e => e.Key == OperatorSecrets.SigningKey || e.Key.StartsWith(OperatorSecrets.TrustedPrefix, StringComparison.Ordinal)),
            e => Assert.Equal(OperatorSecrets.Unknown, e.Value));
        // Never another process's private key.
        Assert.All(App.All.Where(other => other != app), other => Assert.DoesNotContain(OperatorSecrets.KeySecret(other.Name), secrets.Keys));
    }

    [Fact]
    public void The_secrets_the_operator_makes_are_not_in_the_repository_and_DEPLOYING_says_how_to_make_them()
    {
        // make-secrets keys every process, and the Secrets are created from its files as DEPLOYING.md shows.
        Assert.Equal(App.All.Select(a => a.Name).Order(), OperatorSecrets.KeyedProcesses.Order());
        var deploying = Repository.Read("infra/DEPLOYING.md");
        Assert.Contains($"for name in {string.Join(' ', OperatorSecrets.KeyedProcesses)}; do", deploying);
        Assert.Contains("create secret generic \"$name-service-key\" --from-env-file=\"infra/secrets/$name.env\"", deploying);
        Assert.Contains($"create secret generic {OperatorSecrets.TrustSecret} --from-env-file=infra/{OperatorSecrets.TrustFile}", deploying);
        // Never a committed key: no manifest defines them; and every one of them is loaded by some Deployment.
        Assert.All(OperatorSecrets.KubernetesSecrets.Keys, secret => Assert.Null(Find("Secret", secret)));
        var referenced = Documents.Where(d => d["kind"].Text == "Deployment")
            .SelectMany(d => Container(d).Optional("envFrom")?.Items ?? [])
            .Where(s => s.Has("secretRef")).Select(s => s["secretRef"]["name"].Text).ToHashSet();
        Assert.Subset(referenced, OperatorSecrets.KubernetesSecrets.Keys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Pods_listen_on_the_ports_of_appsettings_and_the_Service_exposes_all_but_the_management_port(string name)
    {
        var app = App.Named(name);
        var deployment = Get("Deployment", app.Name);
        var environment = Environment(deployment);
        var containerPorts = Container(deployment)["ports"].Items
            .ToDictionary(p => p["name"].Text, p => int.Parse(p["containerPort"].Text));
        foreach (var (endpoint, port) in app.Endpoints)
        {
            Assert.Equal(port, new Uri(environment[$"Kestrel__Endpoints__{endpoint}__Url"]).Port);
            Assert.Equal(port, containerPorts[endpoint.ToLowerInvariant()]);
            Assert.Equal(port, ServicePort(app.Name, endpoint.ToLowerInvariant()));
        }
        // The pod declares its management port (/metrics, /ops: Management:Port of appsettings.json) for Prometheus;
        // no Service exposes it, by name or by number.
        Assert.Equal(app.ManagementPort, containerPorts["management"]);
        Assert.Equal(app.Endpoints.Count + 1, containerPorts.Count);
        Assert.All(Documents.Where(d => d["kind"].Text == "Service").SelectMany(s => s["spec"]["ports"].Items), port =>
        {
            Assert.NotEqual("management", port.Optional("targetPort")?.Text);
            Assert.NotEqual(app.ManagementPort.ToString(), port["port"].Text);
            Assert.NotEqual(app.ManagementPort.ToString(), port.Optional("targetPort")?.Text);
        });
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Probes_ask_the_health_the_app_serves_and_a_startup_probe_covers_the_start(string name)
    {
        var app = App.Named(name);
        var container = Container(Get("Deployment", app.Name));
        if (app == App.Gateway)
        {
            // The gateway's gRPC port is the partners' door: it is probed over HTTP on its REST port.
            Assert.Equal(ServiceDefaultsExtensions.ReadinessPath, container["readinessProbe"]["httpGet"]["path"].Text);
            Assert.Equal(ServiceDefaultsExtensions.LivenessPath, container["livenessProbe"]["httpGet"]["path"].Text);
            Assert.Equal(ServiceDefaultsExtensions.LivenessPath, container["startupProbe"]["httpGet"]["path"].Text);
            Assert.All(new[] { "readinessProbe", "livenessProbe", "startupProbe" }, probe => Assert.Equal("http", container[probe]["httpGet"]["port"].Text));
            return;
        }
        // The services: the standard gRPC health service on their gRPC port (grpc.health.v1, see GrpcHealthTests).
        Assert.Equal((app.GrpcPort.ToString(), ServiceDefaultsExtensions.GrpcReadyService),
            (container["readinessProbe"]["grpc"]["port"].Text, container["readinessProbe"]["grpc"]["service"].Text));
        Assert.Equal((app.GrpcPort.ToString(), ServiceDefaultsExtensions.GrpcLiveService),
            (container["livenessProbe"]["grpc"]["port"].Text, container["livenessProbe"]["grpc"]["service"].Text));
        Assert.Equal((app.GrpcPort.ToString(), ServiceDefaultsExtensions.GrpcLiveService),
            (container["startupProbe"]["grpc"]["port"].Text, container["startupProbe"]["grpc"]["service"].Text));
        // Liveness waits for the start to be over instead of guessing a delay.
        Assert.False(container["livenessProbe"].Has("initialDelaySeconds"));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Pods_run_as_a_non_root_user(string name)
    {
        var pod = Get("Deployment", App.Named(name).Name)["spec"]["template"]["spec"];
        Assert.Equal("true", pod["securityContext"]["runAsNonRoot"].Text);
        Assert.NotEqual("0", pod["securityContext"]["runAsUser"].Text);
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Addresses_of_other_services_name_their_Kubernetes_Service_and_port(string name)
    {
        var app = App.Named(name);
        var environment = Environment(Get("Deployment", app.Name));
        foreach (var target in app.Calls.Select(App.Named))
        {
            var address = new Uri(environment[$"Services__{target.Name}__Grpc"]);
            Assert.Equal((target.Name, ServicePort(target.Name, "grpc")), (address.Host, address.Port));
        }
        if (app != App.Gateway) return;
        foreach (var cluster in GatewayClusters.All)
        {
            var address = new Uri(environment[$"ReverseProxy__Clusters__{cluster.Name}__Destinations__primary__Address"]);
            Assert.Equal((cluster.Service.Name, ServicePort(cluster.Service.Name, cluster.Http2 ? "grpc" : "http")),
                (address.Host, address.Port));
        }
    }

    [Theory]
    [MemberData(nameof(App.ServiceNames), MemberType = typeof(App))]
    public void Each_service_stores_in_its_own_MongoDB_replica_set_run_as_a_StatefulSet(string name)
    {
        var app = App.Named(name);
        var mongo = MongoAddress.Parse(Environment(Get("Deployment", app.Name))["ConnectionStrings__Mongo"]);
        var statefulSet = Get("StatefulSet", $"{app.Name}-mongo");
        var replicas = int.Parse(statefulSet["spec"]["replicas"].Text);
        var governing = statefulSet["spec"]["serviceName"].Text;
        Assert.Equal("None", Get("Service", governing)["spec"]["clusterIP"].Text);
        // Every member, by its stable name, so the driver finds the primary wherever it is.
        Assert.Equal(Enumerable.Range(0, replicas).Select(i => $"{app.Name}-mongo-{i}.{governing}:27017"), mongo.Hosts);
        var args = Container(statefulSet)["args"].Items.Select(a => a.Text).ToList();
        Assert.Equal(mongo.ReplicaSet, args[args.IndexOf("--replSet") + 1]);
        Assert.True(replicas >= 3, "a replica set that survives losing a member has three");
        // The replica set is initiated by the Job, with these members.
        var initiation = Container(Get("Job", "mongo-replica-sets"))["args"].Items.Single().Text;
        Assert.Contains($"init {app.Name}-mongo", initiation);
        Assert.Contains($"rs.initiate({{ _id: '{mongo.ReplicaSet}'", initiation);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("marriage")]
    public void The_gateway_and_marriage_scale_on_CPU_with_a_HorizontalPodAutoscaler(string name)
    {
        var hpa = Get("HorizontalPodAutoscaler", name)["spec"];
        Assert.Equal(("Deployment", name), (hpa["scaleTargetRef"]["kind"].Text, hpa["scaleTargetRef"]["name"].Text));
        Assert.True(int.Parse(hpa["minReplicas"].Text) >= 2);
        Assert.True(int.Parse(hpa["maxReplicas"].Text) > int.Parse(hpa["minReplicas"].Text));
        // Utilisation is measured against the request: without one the HPA cannot scale.
        Assert.True(Container(Get("Deployment", name))["resources"]["requests"].Has("cpu"));
    }

    [Fact]
    public void The_collector_runs_the_configuration_of_infra_otel_collector_yaml_and_every_app_exports_to_it()
    {
        var inCluster = Yaml.Load("infra/otel-collector.yaml");
        using var reader = new StringReader(Get("ConfigMap", "otel-collector-config")["data"]["config.yaml"].Text);
        var deployed = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(reader);
        Assert.Equal(Canonical.Of(inCluster.Value), Canonical.Of(deployed));

        var otlpGrpc = ServicePort("otel-collector", "otlp-grpc");
        Assert.All(App.All, app =>
        {
            var endpoint = new Uri(Environment(Get("Deployment", app.Name))["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal(("otel-collector", otlpGrpc), (endpoint.Host, endpoint.Port));
        });
        foreach (var (_, exporter) in inCluster["exporters"].Entries)
        {
            var target = exporter["endpoint"].Text.Split(':');
            Assert.Contains(Get("Service", target[0])["spec"]["ports"].Items, port => port["port"].Text == target[1]);
        }
    }
}
