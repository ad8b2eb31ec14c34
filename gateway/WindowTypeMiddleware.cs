using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace CivilAffairs.Gateway;

/// <summary>
/// Tags a request with the window it serves, so every span here and in the service carries <c>civilaffairs.window</c>:
/// the route's own window (metadata <c>Window</c> in configuration) or, for routes that serve all ten (staff conduct,
/// feedback), the partner's validated <c>X-Window-Type</c> header (code or number). The window is the platform's: a
/// caller's own <c>baggage</c> entry for it is dropped first, and this runs before authentication and rate limiting,
/// so a refused call (401, 429) carries its route's window too. The proxied request carries it on in baggage.
/// </summary>
internal sealed class WindowTypeMiddleware(RequestDelegate next)
{
    public const string RouteMetadataKey = "Window";

    public async Task InvokeAsync(HttpContext context)
    {
        WindowTelemetry.Clear();
        if (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not { } route)
        {
            await next(context); // not a proxied route (health, docs, display pages): no window to name
            return;
        }

        var header = context.Request.Headers[WindowTelemetry.HeaderName].ToString();
        var fromHeader = Window.Unspecified;
        if (header.Length > 0 && !WindowCodes.TryParse(header, out fromHeader))
        {
            await InvalidHeader(context);
            return;
        }

        // The route's window is a fact about the service; the header only speaks for routes that serve every window.
        var window = RouteWindow(route.Config) is { } fromRoute && fromRoute.IsDefined() ? fromRoute : fromHeader;
        WindowTelemetry.Set(window);
        await next(context);
    }

    // Parsed once per route configuration (a reload makes new RouteConfig objects), not per call.
    private static readonly ConditionalWeakTable<RouteConfig, StrongBox<Window?>> Windows = new();

    private static Window? RouteWindow(RouteConfig route) =>
        Windows.GetValue(route, static config => new(
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
