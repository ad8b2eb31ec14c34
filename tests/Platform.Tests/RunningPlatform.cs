using CivilAffairs.Platform.Tests.Otlp;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// The gateway and the marriage service as real processes on free ports, marriage on a SQLite file in a temporary
/// folder, both exporting traces over OTLP/HTTP (protobuf) to a receiver inside the test.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    public const string GatewayService = "CivilAffairs.Gateway";
    public const string MarriageService = "CivilAffairs.Marriage";

    private readonly TempDirectory _data = new();
    private AppProcess? _marriage;
    private AppProcess? _gateway;

    public OtlpReceiver Traces { get; } = new();
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Traces.StartAsync();
        var telemetry = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
        };

        var marriageHttp = FreePort.Url();
        var marriageGrpc = FreePort.Url();
        _marriage = new AppProcess("services/Marriage", MarriageService, marriageHttp, new Dictionary<string, string>(telemetry)
        {
            ["Kestrel__Endpoints__Http__Url"] = marriageHttp,
            ["Kestrel__Endpoints__Grpc__Url"] = marriageGrpc,
            ["Storage__Provider"] = "sqlite",
            ["Storage__Sqlite__Path"] = _data.File("marriage.db"),
        });

        var gatewayHttp = FreePort.Url();
        var gateway = new Dictionary<string, string>(telemetry)
        {
            ["Kestrel__Endpoints__Http__Url"] = gatewayHttp,
            ["Kestrel__Endpoints__Grpc__Url"] = FreePort.Url(),
            ["ReverseProxy__Clusters__marriage__Destinations__primary__Address"] = marriageHttp,
            ["ReverseProxy__Clusters__marriage-grpc__Destinations__primary__Address"] = marriageGrpc,
            ["RateLimits__Partner__PermitLimit"] = "100000",
        };
        foreach (var (key, value) in TestPartners.Settings()) gateway[key.Replace(":", "__")] = value!;
        _gateway = new AppProcess("gateway", GatewayService, gatewayHttp, gateway);

        await Task.WhenAll(_marriage.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)),
            _gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));

        Gateway = TestPartners.Client(gatewayHttp, TestPartners.AllScopesKey);
    }

    /// <summary>The office's local date some days ahead (the service judges "in the past" on the real clock).</summary>
    public static string DaysAhead(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(days)).ToString("yyyy-MM-dd");

    /// <summary>Output of both apps, for failure messages.</summary>
    public string Output => $"--- marriage ---{Environment.NewLine}{_marriage?.Output}{Environment.NewLine}"
        + $"--- gateway ---{Environment.NewLine}{_gateway?.Output}";

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        _gateway?.Dispose();
        _marriage?.Dispose();
        await Traces.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<RunningPlatform>
{
    public const string Name = "running platform";
}
