using System.Diagnostics;
using CivilAffairs.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CivilAffairs.ServiceDefaults.Metrics;

/// <summary>
/// Labels ASP.NET Core's request metric (<c>http.server.request.duration</c>, so requests and errors) with the window
/// the request served, and gRPC calls with their gRPC status (an HTTP 200 can carry a gRPC error). The window is read
/// once the request is done: the gateway, a service's Api or the baggage has named it by then.
/// </summary>
internal sealed class RequestWindowTags(RequestDelegate next, WindowDefault fallback)
{
    public const string GrpcStatusTag = "rpc.grpc.status_code";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Features.Get<IHttpMetricsTagsFeature>() is { MetricsDisabled: false } metrics)
            {
                metrics.Tags.Add(new(WindowTelemetry.Key, WindowOf(Activity.Current) ?? fallback.Code));
                if (GrpcStatus(context) is { } status) metrics.Tags.Add(new(GrpcStatusTag, status));
            }
        }
    }

    private static string? WindowOf(Activity? request) =>
        request?.GetTagItem(WindowTelemetry.Key) is string { Length: > 0 } tagged ? tagged
        : WindowTelemetry.Current(request) is { Length: > 0 } carried ? carried
        : null;

    private static string? GrpcStatus(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var status = trailers?["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status)) status = context.Response.Headers["grpc-status"].ToString(); // trailers-only
        return string.IsNullOrEmpty(status) ? null : status;
    }
}

/// <summary>The window a process serves when no request named one (see AddServiceDefaults).</summary>
public sealed record WindowDefault(string Code);
