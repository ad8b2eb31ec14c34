using System.Net.Http.Headers;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.Platform.Tests.Otlp;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// The gateway and all four services as real processes on free ports, each service on its own SQLite file, every one
/// exporting traces, logs and metrics over OTLP/HTTP to one receiver, as the collector would get them.
/// </summary>
public sealed class WholePlatform : IAsyncLifetime
{
    private sealed record ServiceProcess(string Name, string Folder, string Assembly, string[] Calls)
    {
        public string Http { get; } = FreePort.Url();
        public string Grpc { get; } = FreePort.Url();
    }

    private static readonly ServiceProcess[] Services =
    [
        new("marriage", "services/Marriage", "CivilAffairs.Marriage", ["feedback", "staff-conduct"]),
        new("social-assistance", "services/SocialAssistance", "CivilAffairs.SocialAssistance", ["staff-conduct"]),
        new("staff-conduct", "services/StaffConduct", "CivilAffairs.StaffConduct", ["feedback"]),
        new("feedback", "services/Feedback", "CivilAffairs.Feedback", []),
    ];

    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _apps = [];

    public OtlpReceiver Telemetry { get; } = new();
    public HttpClient Gateway { get; private set; } = null!;
    public IReadOnlyList<AppProcess> Apps => _apps;

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
        foreach (var service in Services)
        {
            var environment = new Dictionary<string, string>(telemetry)
            {
                ["Kestrel__Endpoints__Http__Url"] = service.Http,
                ["Kestrel__Endpoints__Grpc__Url"] = service.Grpc,
                ["Storage__Provider"] = "sqlite",
                ["Storage__Sqlite__Path"] = _data.File($"{service.Name}.db"),
            };
            foreach (var target in service.Calls)
                environment[$"Services__{target}__Grpc"] = Services.Single(s => s.Name == target).Grpc;
            _apps.Add(new AppProcess(service.Folder, service.Assembly, service.Http, environment));
        }

        var gatewayHttp = FreePort.Url();
        var gateway = new Dictionary<string, string>(telemetry)
        {
            ["Kestrel__Endpoints__Http__Url"] = gatewayHttp,
            ["Kestrel__Endpoints__Grpc__Url"] = FreePort.Url(),
        };
        foreach (var service in Services)
        {
            gateway[$"ReverseProxy__Clusters__{service.Name}__Destinations__primary__Address"] = service.Http;
            gateway[$"ReverseProxy__Clusters__{service.Name}-grpc__Destinations__primary__Address"] = service.Grpc;
        }
        _apps.Add(new AppProcess("gateway", RunningPlatform.GatewayService, gatewayHttp, gateway));

        await Task.WhenAll(_apps.Select(app => app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));

        Gateway = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = new Uri(gatewayHttp),
            Timeout = TimeSpan.FromSeconds(60),
        };
        Gateway.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>Every app's output, for failure messages.</summary>
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
public sealed class WholePlatformCollection : ICollectionFixture<WholePlatform>
{
    public const string Name = "whole platform";
}
