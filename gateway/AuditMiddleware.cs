using System.Diagnostics;
using CivilAffairs.Gateway.Partners;
using CivilAffairs.ServiceDefaults.Telemetry;
using Yarp.ReverseProxy.Model;

namespace CivilAffairs.Gateway;

/// <summary>
/// One audit line per call: partner, route, window type, method, status, duration and trace id. Never the path or the
/// body, so never a citizen's ID number or name (the route id says what was called).
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "CivilAffairs.Gateway.Audit";
    private readonly ILogger _audit = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/health"))
            {
                Call(_audit,
                    context.User.PartnerName() ?? "anonymous",
                    RouteOf(context),
                    WindowTelemetry.Current() ?? "-",
                    context.Request.Method,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    Activity.Current?.TraceId.ToHexString() ?? "-");
            }
        }
    }

    private static string RouteOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId
            ?? (endpoint is null ? "none" : "unrouted");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "audit partner={Partner} route={Route} window={Window} method={Method} status={Status} duration_ms={DurationMs:F1} trace_id={TraceId}")]
    private static partial void Call(ILogger logger, string partner, string route, string window, string method, int status,
        double durationMs, string traceId);
}
