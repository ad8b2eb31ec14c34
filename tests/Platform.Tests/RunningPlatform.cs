using CivilAffairs.Platform.Tests.Otlp;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.TestSupport;
using Grpc.Net.Client;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// The gateway and the four services as real processes on free ports, each service on a SQLite file in a temporary
/// folder, every one exporting traces, logs and metrics over OTLP/HTTP (protobuf) to one receiver inside the test, as
/// the collector would get them. The gateway knows the test partners (<see cref="TestPartners"/>); <see cref="Gateway"/>
/// calls as the one with every scope.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    public const string GatewayService = "CivilAffairs.Gateway";
    public const string MarriageService = "CivilAffairs.Marriage";

    /// <summary>Service name (cluster id) -> project folder and assembly.</summary>
    private static readonly (string Name, string Folder, string Assembly)[] Services =
    [
        ("marriage", "services/Marriage", MarriageService),
        ("social-assistance", "services/SocialAssistance", "CivilAffairs.SocialAssistance"),
        ("staff-conduct", "services/StaffConduct", "CivilAffairs.StaffConduct"),
        ("feedback", "services/Feedback", "CivilAffairs.Feedback"),
    ];

    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _apps = [];

    public OtlpReceiver Telemetry { get; } = new();
    public IReadOnlyList<AppProcess> Apps => _apps;
    public HttpClient Gateway { get; private set; } = null!;
    public string GatewayGrpcUrl { get; } = FreePort.Url();

    /// <summary>Each service's own HTTP address (REST and health), by service name.</summary>
    public Dictionary<string, string> ServiceUrls { get; } = new();

    public async Task InitializeAsync()
    {
        await Telemetry.StartAsync();
        var telemetry = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        };
        var gatewayHttp = FreePort.Url();
        var gateway = new Dictionary<string, string>(telemetry)
        {
            ["Kestrel__Endpoints__Http__Url"] = gatewayHttp,
            ["Kestrel__Endpoints__Grpc__Url"] = GatewayGrpcUrl,
            ["RateLimits__Partner__PermitLimit"] = "100000",
            ["RateLimits__Anonymous__PermitLimit"] = "100000",
        };
        foreach (var (key, value) in TestPartners.Settings()) gateway[key.Replace(":", "__")] = value!;

        var grpcUrls = Services.ToDictionary(s => s.Name, _ => FreePort.Url());
        foreach (var (name, folder, assembly) in Services)
        {
            var http = ServiceUrls[name] = FreePort.Url();
            var environment = new Dictionary<string, string>(telemetry)
            {
                ["Kestrel__Endpoints__Http__Url"] = http,
                ["Kestrel__Endpoints__Grpc__Url"] = grpcUrls[name],
                ["Storage__Provider"] = "sqlite",
                ["Storage__Sqlite__Path"] = _data.File($"{name}.db"),
            };
            foreach (var other in Services) environment[$"Services__{other.Name}__Grpc"] = grpcUrls[other.Name];
            _apps.Add(new AppProcess(folder, assembly, http, environment));
            gateway[$"ReverseProxy__Clusters__{name}__Destinations__primary__Address"] = http;
            gateway[$"ReverseProxy__Clusters__{name}-grpc__Destinations__primary__Address"] = grpcUrls[name];
        }
        _apps.Add(new AppProcess("gateway", GatewayService, gatewayHttp, gateway));

        await Task.WhenAll(_apps.Select(app => app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));
        Gateway = TestPartners.Client(gatewayHttp, TestPartners.AllScopesKey);
    }

    /// <summary>A gRPC channel to the gateway's HTTP/2 port as the partner with every scope.</summary>
    public GrpcChannel GatewayGrpc() => GrpcChannel.ForAddress(GatewayGrpcUrl, new GrpcChannelOptions
    {
        HttpHandler = TestPartners.GrpcHandler(TestPartners.AllScopesKey),
        MaxSendMessageSize = null,
    });

    /// <summary>The office's local date some days ahead (the service judges "in the past" on the real clock).</summary>
    public static string DaysAhead(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(days)).ToString("yyyy-MM-dd");

    /// <summary>Output of every app, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _apps.Select(app => $"--- {app.Name} ---{Environment.NewLine}{app.Output}"));

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        foreach (var app in _apps) app.Dispose();
        await Telemetry.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<RunningPlatform>
{
    public const string Name = "running platform";
}
