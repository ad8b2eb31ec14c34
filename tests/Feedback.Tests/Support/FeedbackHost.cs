using System.Collections.Concurrent;
using System.Diagnostics;
using CivilAffairs.Feedback.Api;
using CivilAffairs.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>The feedback service in memory, with every finished span and every log line kept for inspection.</summary>
public sealed class FeedbackHost : ServiceHost<FeedbackApi>
{
    public List<Activity> Spans { get; } = [];
    public ConcurrentQueue<string> LogLines { get; } = new();

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
    }

    public V1.Feedback.FeedbackClient Client() => new(Channel());

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
            List<Activity> found;
            lock (Spans) found = Spans.Where(predicate).ToList();
            if (found.Count > 0) return found;
            await Task.Delay(50);
        }
        return [];
    }

    public IReadOnlyList<Activity> AllSpans()
    {
        lock (Spans) return Spans.ToList();
    }
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
