using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace CivilAffairs.Gateway;

/// <summary>
/// Tags a proxied request with the window it serves, so every span here and in the service carries
/// <c>civilaffairs.window</c>: the route's own window (metadata <c>Window</c> in configuration) or, for routes that
/// serve all ten (staff conduct, feedback), the partner's <c>X-Window-Type</c> header (code or number).
/// The window goes into baggage, which the proxied request carries to the service.
/// </summary>
internal sealed class WindowTypeMiddleware(RequestDelegate next)
{
    public const string RouteMetadataKey = "Window";

    public async Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers[WindowTelemetry.HeaderName].ToString();
        var fromHeader = Window.Unspecified;
        if (header.Length > 0 && !WindowCodes.TryParse(header, out fromHeader))
        {
            await InvalidHeader(context);
            return;
        }

        // The route's window is a fact about the service; the header only speaks for routes that serve every window.
        var window = RouteWindow(context) is { } fromRoute && fromRoute.IsDefined() ? fromRoute : fromHeader;
        WindowTelemetry.Set(window);
        await next(context);
    }

    // Parsed once per route configuration (a reload makes new RouteConfig objects), not per call.
    private static readonly ConditionalWeakTable<RouteConfig, StrongBox<Window?>> Windows = new();

    private static Window? RouteWindow(HttpContext context) =>
        Windows.GetValue(context.GetReverseProxyFeature().Route.Config, static config => new(
            config.Metadata is not null
            && config.Metadata.TryGetValue(RouteMetadataKey, out var code)
            && WindowCodes.TryParse(code, out var window)
                ? window
                : null)).Value;

    // The header's value is not echoed: a partner's mistake could put anything there, an ID number included.
    private static Task InvalidHeader(HttpContext context) => GatewayRefusal.WriteAsync(context,
        StatusCodes.Status400BadRequest, Grpc.Core.StatusCode.InvalidArgument,
        title: "Invalid window type",
        detail: $"The {WindowTelemetry.HeaderName} header must name one of the ten windows, by code "
            + "(e.g. MARRIAGE_REGISTRATION) or by number (1-10).",
        extensions: new Dictionary<string, object?> { ["field"] = WindowTelemetry.HeaderName });
}
