using CivilAffairs.Operations.Tests.Deployment;

namespace CivilAffairs.Operations.Tests;

/// <summary>infra/docker-compose.yml against the code: what each process reads, listens on and needs.</summary>
public sealed class ComposeFileTests
{
    private const string ComposePath = "infra/docker-compose.yml";
    private static readonly Yaml Services = Yaml.Load(ComposePath)["services"];

    /// <summary>The env files a compose service reads (relative to infra/).</summary>
    private static IReadOnlyList<string> EnvFiles(string service) =>
        Services[service].Optional("env_file")?.Items.Select(i => i.Text).ToList() ?? [];

    /// <summary>
    /// An app's environment as compose gives it: its <c>environment</c>, then the keys of its env files, which the
    /// operator makes (infra/make-secrets: the service keys; the partners' file) and the repository never holds, so
    /// their values are <see cref="OperatorSecrets.Unknown"/>. An env file nobody makes fails.
    /// </summary>
    private static IReadOnlyDictionary<string, string> Environment(App app)
    {
        var environment = new Dictionary<string, string>(Services[app.Name]["environment"].Strings);
        foreach (var file in EnvFiles(app.Name))
        {
            Assert.True(OperatorSecrets.ComposeFiles.TryGetValue(file, out var keys),
                $"{ComposePath}: {app} reads {file}, which neither {OperatorSecrets.Script} nor the operator makes");
            foreach (var (key, value) in OperatorSecrets.Entries(keys))
                Assert.True(environment.TryAdd(key, value), $"{ComposePath}: {app}: {key} is set twice");
        }
        return environment;
    }

    /// <summary>A published port (short syntax <c>[IP:][HOST:]CONTAINER</c>); no IP means every interface.</summary>
    private sealed record Published(string? HostIp, int HostPort, int ContainerPort)
    {
        public bool OnEveryInterface => HostIp is null or "0.0.0.0" or "::";
    }

    private static IReadOnlyList<Published> PublishedPorts(string service) =>
        Services[service].Optional("ports")?.Items.Select(port =>
        {
            var parts = port.Text.Split('/')[0].Split(':');
            return parts.Length switch
            {
                1 => new Published(null, 0, int.Parse(parts[0])),
                2 => new Published(null, int.Parse(parts[0]), int.Parse(parts[1])),
                3 => new Published(parts[0], int.Parse(parts[1]), int.Parse(parts[2])),
                _ => throw new Xunit.Sdk.XunitException($"{port}: {port.Text} is not [IP:][HOST:]CONTAINER"),
            };
        }).ToList() ?? [];

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_app_is_built_from_its_own_Dockerfile(string name)
    {
        var app = App.Named(name);
        var build = Services[app.Name]["build"];
        Assert.Equal($"{app.Folder}/Dockerfile", build["dockerfile"].Text);
        // The Dockerfiles copy from the repository root.
        Assert.Equal(Repository.Root.TrimEnd('/'), Path.GetFullPath(Path.Combine(Repository.PathOf("infra"), build["context"].Text)).TrimEnd('/'));
        Assert.True(File.Exists(Repository.PathOf(build["dockerfile"].Text)));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_setting_is_one_the_app_reads_and_every_setting_it_needs_is_there(string name)
    {
        var app = App.Named(name);
        var environment = Environment(app);
        Assert.All(environment.Keys, key => Assert.True(ConfigurationKeys.WhyUnread(app, key) is null,
            $"{ComposePath}: {app}: {key}: {ConfigurationKeys.WhyUnread(app, key)}"));
        Assert.Empty(ConfigurationKeys.Required(app, mongo: app.HasStore).Except(environment.Keys));
        if (app.HasStore) Assert.Equal("mongo", environment["Storage__Provider"]);
        // Outside Development a process that trusts no key refuses to start (the gateway, called by nobody, too).
        Assert.Contains(environment.Keys, key => key.StartsWith(OperatorSecrets.TrustedPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void The_app_listens_on_the_ports_of_its_appsettings_and_only_the_gateway_publishes_them(string name)
    {
        var app = App.Named(name);
        var environment = Environment(app);
        foreach (var (endpoint, port) in app.Endpoints)
            Assert.Equal(port, new Uri(environment[$"Kestrel__Endpoints__{endpoint}__Url"]).Port);
        var published = PublishedPorts(app.Name);
        // The management port (/metrics, /ops) is for Prometheus on the compose network: never published.
        Assert.DoesNotContain(published, p => p.ContainerPort == app.ManagementPort);
        if (app == App.Gateway)
        {
            // The one door: exactly its two ports, on every interface, under the same numbers on the host.
            Assert.Equal(app.Endpoints.Values.Order(), published.Select(p => p.ContainerPort).Order());
            Assert.All(published, p => Assert.True(p.OnEveryInterface && p.HostPort == p.ContainerPort, $"gateway: {p}"));
        }
        else
        {
            // The services are reached through the gateway or, by the other services, on the compose network only.
            Assert.Empty(published);
        }
    }

    [Fact]
    public void Only_the_gateway_is_published_on_every_interface_and_the_operators_tools_on_127_0_0_1_only()
    {
        var publishing = Services.Entries.Where(s => PublishedPorts(s.Key).Count > 0).Select(s => s.Key).ToList();
        Assert.All(publishing.Where(s => s != App.Gateway.Name), service => Assert.All(PublishedPorts(service), p =>
            Assert.True(p.HostIp == "127.0.0.1", $"{ComposePath}: {service} publishes {p} beyond this host")));
        // The operators' tools, for the operator on this host; the services, their stores and the collector: nothing.
        Assert.Equal(["dashboard", "gateway", "grafana", "prometheus"], publishing.Order());
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_app_reads_its_own_service_key_and_the_trusted_keys_from_the_files_of_make_secrets(string name)
    {
        var app = App.Named(name);
        var files = EnvFiles(app.Name);
        Assert.Contains(app.Name, OperatorSecrets.KeyedProcesses);
        Assert.Contains(OperatorSecrets.KeyFile(app.Name), files);
        Assert.Contains(OperatorSecrets.TrustFile, files);
        // Never another process's private key; the partners are the gateway's alone, from the operator's own file.
        Assert.All(App.All.Where(other => other != app), other => Assert.DoesNotContain(OperatorSecrets.KeyFile(other.Name), files));
        Assert.Equal(app == App.Gateway, files.Contains(OperatorSecrets.PartnersFile));
        // No key in the compose file itself (the README's developer key is refused outside Development).
        Assert.DoesNotContain(Services[app.Name]["environment"].Strings.Keys, key => key == OperatorSecrets.SigningKey
            || key.StartsWith(OperatorSecrets.TrustedPrefix, StringComparison.Ordinal) || key.StartsWith("Partners__", StringComparison.Ordinal));
        // The files live in infra/secrets/, which git ignores.
        Assert.All(files, file => Assert.StartsWith("secrets/", file));
        Assert.Contains("infra/secrets/", Repository.Read(".gitignore").Split('\n').Select(line => line.Trim()));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Addresses_of_other_services_name_their_compose_service_and_grpc_port(string name)
    {
        var app = App.Named(name);
        var environment = Environment(app);
        foreach (var target in app.Calls.Select(App.Named))
        {
            var address = new Uri(environment[$"Services__{target.Name}__Grpc"]);
            Assert.Equal((target.Name, target.GrpcPort), (address.Host, address.Port));
            Assert.True(Services.Has(target.Name));
        }
        if (app != App.Gateway) return;
        foreach (var cluster in GatewayClusters.All)
        {
            var address = new Uri(environment[$"ReverseProxy__Clusters__{cluster.Name}__Destinations__primary__Address"]);
            Assert.Equal((cluster.Service.Name, cluster.Port), (address.Host, address.Port));
        }
    }

    [Theory]
    [MemberData(nameof(App.ServiceNames), MemberType = typeof(App))]
    public void Each_service_has_its_own_MongoDB_a_single_node_replica_set_initiated_before_the_service_starts(string name)
    {
        var app = App.Named(name);
        var mongo = MongoAddress.Parse(Environment(app)["ConnectionStrings__Mongo"]);
        var host = Assert.Single(mongo.Hosts);
        Assert.Equal($"{app.Name}-mongo:27017", host);
        Assert.NotNull(mongo.ReplicaSet);

        var store = Services[$"{app.Name}-mongo"];
        var command = store["command"].Items.Select(i => i.Text).ToList();
        Assert.Equal(mongo.ReplicaSet, command[command.IndexOf("--replSet") + 1]);
        var healthCheck = string.Join(" ", store["healthcheck"]["test"].Items.Select(i => i.Text));
        Assert.Contains("rs.initiate", healthCheck);
        Assert.Contains($"_id: '{mongo.ReplicaSet}'", healthCheck);
        Assert.Contains($"host: '{host}'", healthCheck);
        Assert.Equal("service_healthy", Services[app.Name]["depends_on"][$"{app.Name}-mongo"]["condition"].Text);
        // One store per service: no other service points at it.
        Assert.All(App.Services.Where(other => other != app), other =>
            Assert.DoesNotContain($"{app.Name}-mongo", Environment(other)["ConnectionStrings__Mongo"]));
    }

    [Fact]
    public void The_gateway_starts_once_every_service_is_healthy()
    {
        var dependsOn = Services["gateway"]["depends_on"];
        Assert.All(App.Services, service => Assert.Equal("service_healthy", dependsOn[service.Name]["condition"].Text));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Telemetry_goes_to_the_collector_which_forwards_to_the_trace_viewer(string name)
    {
        var app = App.Named(name);
        var environment = Environment(app);
        var endpoint = new Uri(environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.True(Services.Has(endpoint.Host), $"{app} exports to {endpoint.Host}, which is no compose service");
        var collector = Services[endpoint.Host];
        Assert.Contains(collector["volumes"].Items, v => v.Text.StartsWith("./otel-collector.yaml:", StringComparison.Ordinal));
        // Reached on the compose network (both on the default one), where it receives on the port the app exports
        // to, over the protocol it exports with; published nowhere.
        Assert.Empty(PublishedPorts(endpoint.Host));
        Assert.All(new[] { app.Name, endpoint.Host }, service =>
            Assert.False(Services[service].Has("networks") || Services[service].Has("network_mode"), $"{service} leaves the default network"));
        var config = Yaml.Load("infra/otel-collector.yaml");
        var receiver = config["receivers"]["otlp"]["protocols"][environment["OTEL_EXPORTER_OTLP_PROTOCOL"]]["endpoint"].Text;
        Assert.Equal(endpoint.Port, int.Parse(receiver.Split(':')[^1]));

        var exporters = config["exporters"].Entries.ToList();
        Assert.NotEmpty(exporters);
        Assert.All(exporters, exporter => Assert.True(
            Services.Has(exporter.Value["endpoint"].Text.Split(':')[0]), $"{exporter.Key} sends to no compose service"));
    }
}
