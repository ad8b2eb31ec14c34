using CivilAffairs.TestSupport;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>What the gateway presents to marriage, presented by the clients that call marriage directly or
    /// through nginx: every caller of a service must hold a credential.</summary>
    public static readonly string ServiceToken = TestCallers.Token("marriage", partner: "benchmark");

    private readonly AppProcess _marriage;
    private readonly AppProcess _gateway;
    private readonly string _appsRoot;
    private readonly Dictionary<string, string> _environment;
    private readonly List<IDisposable> _others = [];

    public string Name { get; }
    public bool Traced { get; }
    public string MarriageHttp { get; } = FreePort.Url();
    public string MarriageGrpc { get; } = FreePort.Url();
    public string GatewayHttp { get; } = FreePort.Url();
    public string GatewayGrpc { get; } = FreePort.Url();
    public int MarriagePid { get; }
    public int GatewayPid { get; }

    private ServicePair(string name, string dataFolder, string? otlpEndpoint, IReadOnlyDictionary<string, string> extra, string appsRoot)
    {
        Name = name;
        Traced = otlpEndpoint is not null;
        _appsRoot = appsRoot;
        _environment = new Dictionary<string, string>(extra) { ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000" };
        if (otlpEndpoint is not null)
        {
            _environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            _environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            _environment["OTEL_TRACES_SAMPLER"] = "always_on";
            // A queue deep enough that no span of the burst is dropped: every span sampled is exported.
            _environment["OTEL_BSP_MAX_QUEUE_SIZE"] = "65536";
            _environment["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "2048";
            _environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        }

        // An absolute project folder: the apps come from that tree's build output (see --apps-from).
        (_marriage, MarriagePid) = Start(() => new AppProcess(Path.Combine(appsRoot, "services/Marriage"), "CivilAffairs.Marriage", MarriageHttp,
            EnvironmentOf("marriage", new Dictionary<string, string>
            {
                ["Kestrel__Endpoints__Http__Url"] = MarriageHttp,
                ["Kestrel__Endpoints__Grpc__Url"] = MarriageGrpc,
                ["Storage__Provider"] = "sqlite",
                ["Storage__Sqlite__Path"] = Path.Combine(dataFolder, $"marriage-{name}.db"),
            })));
        (_gateway, GatewayPid) = Start(() => NewGateway(GatewayHttp, GatewayGrpc, new Dictionary<string, string>()));
    }

    /// <summary>An app's environment: its pod's heap limit, what both apps share (telemetry, experiments), its own.</summary>
    private Dictionary<string, string> EnvironmentOf(string pod, IReadOnlyDictionary<string, string> own)
    {
        var environment = new Dictionary<string, string>(PodHeap.Limit(pod));
        foreach (var (key, value) in _environment.Concat(own)) environment[key] = value;
        return environment;
    }

    private AppProcess NewGateway(string http, string grpc, IReadOnlyDictionary<string, string> overrides)
    {
        var environment = EnvironmentOf("gateway", new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = http,
            ["Kestrel__Endpoints__Grpc__Url"] = grpc,
            ["ReverseProxy__Clusters__marriage__Destinations__primary__Address"] = MarriageHttp,
            ["ReverseProxy__Clusters__marriage-grpc__Destinations__primary__Address"] = MarriageGrpc,
            // The busiest day is the subject, not the partners' quotas.
            ["RateLimits__Partner__PermitLimit"] = "100000000",
            ["RateLimits__Anonymous__PermitLimit"] = "100000000",
            ["Partners__benchmark__ApiKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Partners__benchmark__Scopes__0"] = "marriage.read",
            ["Partners__benchmark__Scopes__1"] = "marriage.write",
        });
        foreach (var (key, value) in overrides) environment[key] = value;
        return new AppProcess(Path.Combine(_appsRoot, "gateway"), "CivilAffairs.Gateway", http, environment);
    }

    /// <param name="extra">environment for both apps beyond their ports, store and telemetry (experiments)</param>
    /// <param name="appsRoot">the repository tree whose build output is started (default: this one)</param>
    public static async Task<ServicePair> StartAsync(string name, string dataFolder, IReadOnlyDictionary<string, string> extra,
        string? otlpEndpoint = null, string? appsRoot = null)
    {
        var pair = new ServicePair(name, dataFolder, otlpEndpoint, extra, appsRoot ?? RepositoryLayout.Root);
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

    /// <summary>A second gateway in front of the same marriage process, configured with <paramref name="overrides"/>
    /// (e.g. without the public reads' cache); stopped with the pair.</summary>
    public async Task<(string Http, string Grpc, int Pid)> StartGatewayAsync(IReadOnlyDictionary<string, string> overrides)
    {
        var (http, grpc) = (FreePort.Url(), FreePort.Url());
        var (gateway, pid) = Start(() => NewGateway(http, grpc, overrides));
        _others.Add(gateway);
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return (http, grpc, pid);
    }

    /// <summary>nginx in front of the same marriage process; stopped with the pair.</summary>
    public async Task<NginxProxy> StartNginxAsync()
    {
        var nginx = await NginxProxy.StartAsync(MarriageHttp, MarriageGrpc);
        _others.Add(nginx);
        return nginx;
    }

    /// <summary>YARP alone (tests/PlainProxy) in front of the same marriage process; stopped with the pair.</summary>
    public async Task<(string Http, string Grpc)> StartPlainProxyAsync()
    {
        var (http, grpc) = (FreePort.Url(), FreePort.Url());
        var proxy = new AppProcess(Path.Combine(_appsRoot, "tests/PlainProxy"), "CivilAffairs.PlainProxy", http, new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = http,
            ["Kestrel__Endpoints__Grpc__Url"] = grpc,
            ["ReverseProxy__Clusters__marriage__Destinations__primary__Address"] = MarriageHttp,
            ["ReverseProxy__Clusters__marriage-grpc__Destinations__primary__Address"] = MarriageGrpc,
        });
        _others.Add(proxy);
        await proxy.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return (http, grpc);
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
        foreach (var other in _others) other.Dispose();
        _gateway.Dispose();
        _marriage.Dispose();
    }
}

/// <summary>CPU time (user + system) a process has used so far, in seconds, from /proc (clock ticks of 1/100 s).</summary>
public static class ProcessCpu
{
    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command: state(0) ppid(1) ... utime(11) stime(12).
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
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
