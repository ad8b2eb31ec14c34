using System.Security.Cryptography;
using System.Text;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.Platform.Tests;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// The marriage service and the gateway as real processes from their build output, on free loopback ports, marriage
/// on its own SQLite file; traced to an OTLP/HTTP endpoint when one is given, untraced (no exporter) otherwise.
/// </summary>
public sealed class ServicePair : IDisposable
{
    /// <summary>The partner key the benchmark's clients send to the gateway (only its hash is configured there).</summary>
    public const string ApiKey = "benchmark-partner-key";
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly AppProcess _marriage;
    private readonly AppProcess _gateway;

    public string Name { get; }
    public bool Traced { get; }
    public string MarriageHttp { get; } = FreePort.Url();
    public string MarriageGrpc { get; } = FreePort.Url();
    public string GatewayHttp { get; } = FreePort.Url();
    public string GatewayGrpc { get; } = FreePort.Url();
    public int MarriagePid { get; }
    public int GatewayPid { get; }

    private ServicePair(string name, string dataFolder, string? otlpEndpoint, IReadOnlyDictionary<string, string> extra)
    {
        Name = name;
        Traced = otlpEndpoint is not null;
        var telemetry = new Dictionary<string, string>(extra) { ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000" };
        if (otlpEndpoint is not null)
        {
            telemetry["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            telemetry["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            telemetry["OTEL_TRACES_SAMPLER"] = "always_on";
            // A queue deep enough that no span of the burst is dropped: every span sampled is exported.
            telemetry["OTEL_BSP_MAX_QUEUE_SIZE"] = "65536";
            telemetry["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "2048";
            telemetry["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        }

        (_marriage, MarriagePid) = Start(() => new AppProcess("services/Marriage", "CivilAffairs.Marriage", MarriageHttp,
            new Dictionary<string, string>(telemetry)
            {
                ["Kestrel__Endpoints__Http__Url"] = MarriageHttp,
                ["Kestrel__Endpoints__Grpc__Url"] = MarriageGrpc,
                ["Storage__Provider"] = "sqlite",
                ["Storage__Sqlite__Path"] = Path.Combine(dataFolder, $"marriage-{name}.db"),
            }));
        (_gateway, GatewayPid) = Start(() => new AppProcess("gateway", "CivilAffairs.Gateway", GatewayHttp,
            new Dictionary<string, string>(telemetry)
            {
                ["Kestrel__Endpoints__Http__Url"] = GatewayHttp,
                ["Kestrel__Endpoints__Grpc__Url"] = GatewayGrpc,
                ["ReverseProxy__Clusters__marriage__Destinations__primary__Address"] = MarriageHttp,
                ["ReverseProxy__Clusters__marriage-grpc__Destinations__primary__Address"] = MarriageGrpc,
                // The busiest day is the subject, not the partners' quotas.
                ["RateLimits__Partner__PermitLimit"] = "100000000",
                ["RateLimits__Anonymous__PermitLimit"] = "100000000",
                ["Partners__benchmark__ApiKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
                ["Partners__benchmark__Scopes__0"] = "marriage.read",
                ["Partners__benchmark__Scopes__1"] = "marriage.write",
            }));
    }

    /// <param name="extra">environment for both apps beyond their ports, store and telemetry (experiments)</param>
    public static async Task<ServicePair> StartAsync(string name, string dataFolder, IReadOnlyDictionary<string, string> extra,
        string? otlpEndpoint = null)
    {
        var pair = new ServicePair(name, dataFolder, otlpEndpoint, extra);
        try
        {
            await Task.WhenAll(pair._marriage.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)),
                pair._gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
        }
        catch
        {
            pair.Dispose();
            throw;
        }
        return pair;
    }

    /// <summary>Peak resident memory (VmHWM) and current (VmRSS) of both processes, in MB.</summary>
    public (ProcessMemory Marriage, ProcessMemory Gateway) Memory() =>
        (ProcessMemory.Of("marriage", MarriagePid), ProcessMemory.Of("gateway", GatewayPid));

    /// <summary>Starts an app and finds its process id: the one child of this process that was not there before.</summary>
    private static (AppProcess App, int Pid) Start(Func<AppProcess> start)
    {
        var before = ChildProcesses();
        var app = start();
        var started = ChildProcesses().Except(before).ToList();
        if (started.Count != 1) throw new InvalidOperationException($"expected one new child process, found {started.Count}");
        return (app, started[0]);
    }

    private static HashSet<int> ChildProcesses()
    {
        var self = Environment.ProcessId;
        var children = new HashSet<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // pid (comm) state ppid ...: the command name may hold spaces, so read after its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == self) children.Add(pid);
            }
            catch (IOException) { } // exited meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return children;
    }

    public string Output => $"--- marriage ---{Environment.NewLine}{_marriage.Output}{Environment.NewLine}--- gateway ---{Environment.NewLine}{_gateway.Output}";

    public void Dispose()
    {
        _gateway.Dispose();
        _marriage.Dispose();
    }
}

public sealed record ProcessMemory(string Process, double PeakMb, double CurrentMb)
{
    public static ProcessMemory Of(string name, int pid)
    {
        double Field(string key)
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        return new ProcessMemory(name, Field("VmHWM"), Field("VmRSS"));
    }
}
