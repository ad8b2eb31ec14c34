using System.Collections.Concurrent;
using System.Diagnostics;
using CivilAffairs.Feedback.Api;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.TestSupport;
using CivilAffairs.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>The feedback service in memory, with every finished span, every log line and every event it sends to
/// staff-conduct kept for inspection. Through the gateway, the service listens on real sockets (Kestrel) with the real
/// gateway in front, and its clients go through the gateway as the partner with every scope.</summary>
public sealed class FeedbackHost : ServiceHost<FeedbackApi>
{
    public FeedbackHost() { }

    private FeedbackHost(DateTimeOffset startsAt) : base(startsAt) { }

    /// <summary>A host whose clock starts at <paramref name="startsAt"/> (it only moves forward from there).</summary>
    public static FeedbackHost StartingAt(DateTimeOffset startsAt) => new(startsAt);

    /// <summary>The gateway in front of the service, when the host runs through it.</summary>
    public GatewayInFront? Front { get; private set; }

    // The exporter adds from the threads that end spans while a test reads: every access takes the list's lock.
    private LockedList<Activity> Spans { get; } = new();
    public ConcurrentQueue<string> LogLines { get; } = new();
    public RecordingOutboxTransport Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Trace)
                .AddProvider(new CapturingLoggerProvider(LogLines)));
        });
        builder.ConfigureTestServices(services => services.AddSingleton<IOutboxTransport>(Events));
    }

    /// <summary>The service on Kestrel with the real gateway in front; <see cref="Client"/> and <see cref="Rest"/> go
    /// through the gateway.</summary>
    public static FeedbackHost ThroughGateway()
    {
        var host = new FeedbackHost();
        var (http, grpc) = (FreePort.Url(), FreePort.Url());
        host.With("Kestrel:Endpoints:Http:Url", http).With("Kestrel:Endpoints:Grpc:Url", grpc);
        host.UseKestrel();
        host.StartServer();
        host.Front = new GatewayInFront("feedback", http, grpc);
        return host;
    }

    public V1.Feedback.FeedbackClient Client() => new(Front?.Grpc ?? Channel());

    /// <summary>A REST client: to the gateway when the host runs through it, else to the service in memory.</summary>
    public HttpClient Rest() => Front?.Rest() ?? CreateClient();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Front?.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>
    /// Starts a trace for the calls that follow in this test. Every host in the test process sees every server span,
    /// so a test picks its own by this trace's id.
    /// </summary>
    public static Activity StartTrace()
    {
        var trace = new Activity("feedback-test").SetIdFormat(ActivityIdFormat.W3C).Start();
        // Sampled, or the parent-based sampler would drop every span under it.
        trace.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        return trace;
    }

    /// <summary>The server spans of an RPC in the test's trace (a server span ends just after its response is sent,
    /// so wait a little for it).</summary>
    public Task<IReadOnlyList<Activity>> ServerSpansAsync(Activity trace, string rpc) =>
        SpansWhereAsync(s => s.Kind == ActivityKind.Server && s.TraceId == trace.TraceId && s.DisplayName.Contains(rpc, StringComparison.Ordinal));

    private async Task<IReadOnlyList<Activity>> SpansWhereAsync(Func<Activity, bool> predicate)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var found = Spans.Snapshot().Where(predicate).ToList();
            if (found.Count > 0) return found;
            await Task.Delay(50);
        }
        return [];
    }

    public IReadOnlyList<Activity> AllSpans() => Spans.Snapshot();
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

    public void Dispose() { }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}

/// <summary>A list every member of which takes a lock, for an exporter writing while a test reads.</summary>
internal sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count { get { lock (_items) return _items.Count; } }
    public bool IsReadOnly => false;

    public void Add(T item) { lock (_items) _items.Add(item); }
    public void Clear() { lock (_items) _items.Clear(); }
    public bool Contains(T item) { lock (_items) return _items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (_items) return _items.Remove(item); }
    public List<T> Snapshot() { lock (_items) return [.. _items]; }
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
