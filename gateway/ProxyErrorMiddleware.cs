using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;

namespace CivilAffairs.Gateway;

/// <summary>
/// Turns a failed forward (the service is down, refused the connection or did not answer in time) into a plain
/// refusal instead of YARP's empty 502: 503 "service unavailable" (504 on a timeout) as problem JSON, or gRPC
/// UNAVAILABLE / DEADLINE_EXCEEDED; a body the caller did not finish or made too large is the caller's 400 / 413.
/// Once the service has started answering, its answer stands.
/// </summary>
internal sealed class ProxyErrorMiddleware(RequestDelegate next, ILogger<ProxyErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted) return;

        var cluster = ServiceName(context);
        logger.LogWarning("Forwarding to {Cluster} failed: {Error}", cluster, error.Error);
        context.Response.Clear();
        switch (error.Error)
        {
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled:
                return; // the caller went away: nobody to answer
            case ForwarderError.RequestBodyClient:
                // The caller's body broke off or outgrew the limit: its mistake, not the service's.
                var tooLarge = error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
                await GatewayRefusal.WriteAsync(context,
                    tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    tooLarge ? StatusCode.ResourceExhausted : StatusCode.InvalidArgument,
                    tooLarge ? "Request body too large" : "Request body incomplete",
                    tooLarge ? "The request body is larger than this gateway accepts." : "The request body could not be read to its end.");
                return;
            case ForwarderError.RequestTimedOut:
                await GatewayRefusal.WriteAsync(context, StatusCodes.Status504GatewayTimeout, StatusCode.DeadlineExceeded,
                    "Service did not answer in time", $"The {cluster} service did not answer in time; try again later.");
                return;
            default:
                context.Response.Headers.RetryAfter = "5";
                await GatewayRefusal.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, StatusCode.Unavailable,
                    "Service unavailable", $"The {cluster} service cannot be reached right now; try again later.");
                return;
        }
    }

    // Clusters name the service they reach (metadata "Service"), so a partner reads "marriage", not "marriage-grpc".
    private static string ServiceName(HttpContext context)
    {
        var cluster = context.GetReverseProxyFeature().Cluster?.Config;
        return cluster?.Metadata?.GetValueOrDefault("Service") ?? cluster?.ClusterId ?? "requested";
    }
}
