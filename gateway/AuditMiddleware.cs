using System.Diagnostics;
using System.Threading.Channels;
using CivilAffairs.Gateway.Partners;
using CivilAffairs.ServiceDefaults.Telemetry;
using Yarp.ReverseProxy.Model;

namespace CivilAffairs.Gateway;

/// <summary>
/// One audit line per call: partner, route, window type, method, status, duration and trace id. Never the path or the
/// body, so never a citizen's ID number or name (the route id says what was called). Not for the anonymous reads the
/// public-read cache answers: tens of thousands a second on the peak morning, each line would cost as much as the
/// answer, and the request metrics count them; their misses, which reach the service, are audited. The request only
/// hands its line to <see cref="AuditTrail"/>, which writes it in the background.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail)
{
    public const string Category = AuditTrail.Category;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/health") && !PublicReadsPolicy.AnsweredFromCache(context))
            {
                var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config;
                trail.Write(new AuditEntry(
                    context.User.PartnerName() ?? "anonymous",
                    route?.RouteId ?? (context.GetEndpoint() is null ? "none" : "unrouted"),
                    // A call answered before the proxy step (e.g. refused by a limit) has its route's window.
                    WindowTelemetry.Current() ?? route?.Metadata?.GetValueOrDefault(WindowTypeMiddleware.RouteMetadataKey) ?? "-",
                    context.Request.Method,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    Activity.Current?.TraceId.ToHexString() ?? "-"));
            }
        }
    }

}

internal readonly record struct AuditEntry(string Partner, string Route, string Window, string Method, int Status,
    double DurationMs, string TraceId);

/// <summary>
/// Writes the audit lines off the request path: a call queues its line and goes on; one background loop formats and
/// logs them (category <see cref="Category"/>). Nothing is lost: when the queue is full, or once the app has stopped,
/// a line is written by the caller itself; on shutdown the queue is drained after the server has stopped taking calls
/// and before the loggers are disposed. Being written later, a line's log record carries the call's trace id in its
/// text (<c>trace_id=</c>), not as the record's trace context.
/// </summary>
internal sealed partial class AuditTrail : IHostedService
{
    public const string Category = "CivilAffairs.Gateway.Audit";
    private const int Capacity = 65_536;

    private readonly ILogger _audit;
    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private Task _writer = Task.CompletedTask;

    public AuditTrail(ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        _audit = loggers.CreateLogger(Category);
        // After every hosted service (the web server included) has stopped: no call can queue a line any more.
        lifetime.ApplicationStopped.Register(Drain);
    }

    public void Write(in AuditEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry)) Log(entry); // full, or stopped: the caller writes its own line
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(async () =>
        {
            await foreach (var entry in _queue.Reader.ReadAllAsync())
            {
                try { Log(entry); }
                catch (Exception e) when (e is not OutOfMemoryException) { } // a logger's failure must not stop the audit
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Drain()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
    }

    private void Log(in AuditEntry e) =>
        Call(_audit, e.Partner, e.Route, e.Window, e.Method, e.Status, e.DurationMs, e.TraceId);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "audit partner={Partner} route={Route} window={Window} method={Method} status={Status} duration_ms={DurationMs:F1} trace_id={TraceId}")]
    private static partial void Call(ILogger logger, string partner, string route, string window, string method, int status,
        double durationMs, string traceId);
}
