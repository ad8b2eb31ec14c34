using CivilAffairs.Operations.Tests.Deployment;

namespace CivilAffairs.Operations.Tests;

/// <summary>infra/docker-compose.yml against the code: what each process reads, listens on and needs.</summary>
public sealed class ComposeFileTests
{
    private const string ComposePath = "infra/docker-compose.yml";
    private static readonly Yaml Services = Yaml.Load(ComposePath)["services"];

    private static IReadOnlyDictionary<string, string> Environment(App app) => Services[app.Name]["environment"].Strings;

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
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void The_app_listens_and_is_published_on_the_ports_of_its_appsettings(string name)
    {
        var app = App.Named(name);
        var environment = Environment(app);
        var published = Services[app.Name]["ports"].Items.Select(p => int.Parse(p.Text.Split(':')[^1])).ToList();
        foreach (var (endpoint, port) in app.Endpoints)
        {
            Assert.Equal(port, new Uri(environment[$"Kestrel__Endpoints__{endpoint}__Url"]).Port);
            Assert.Contains(port, published);
        }
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
        var endpoint = new Uri(Environment(App.Named(name))["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var collector = Services[endpoint.Host];
        Assert.Contains(collector["ports"].Items, p => p.Text.EndsWith($":{endpoint.Port}", StringComparison.Ordinal));
        Assert.Contains(collector["volumes"].Items, v => v.Text.StartsWith("./otel-collector.yaml:", StringComparison.Ordinal));

        var exporters = Yaml.Load("infra/otel-collector.yaml")["exporters"].Entries.ToList();
        Assert.NotEmpty(exporters);
        Assert.All(exporters, exporter => Assert.True(
            Services.Has(exporter.Value["endpoint"].Text.Split(':')[0]), $"{exporter.Key} sends to no compose service"));
    }
}
