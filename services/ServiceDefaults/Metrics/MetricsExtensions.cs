using CivilAffairs.ServiceDefaults.Security;
using CivilAffairs.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;

namespace CivilAffairs.ServiceDefaults.Metrics;

/// <summary>
/// Metrics for operators: the <see cref="PlatformMetrics"/> instruments, the window label on request metrics, and a
/// Prometheus scraping endpoint (<see cref="ScrapePath"/>) next to the OTLP export.
/// </summary>
public static class MetricsExtensions
{
    public const string ScrapePath = "/metrics";

    /// <summary>Called by AddServiceDefaults.</summary>
    public static IHostApplicationBuilder AddOperatorMetrics(this IHostApplicationBuilder builder, Window defaultWindow)
    {
        builder.Services.TryAddSingleton<PlatformMetrics>();
        builder.Services.TryAddSingleton(new WindowDefault(defaultWindow.Code()));
        builder.Services.AddSingleton<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher, ReadinessMetric>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PlatformMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0)); // a scrape shows the counts as they are now
        // A scrape is not a request anyone needs to trace.
        builder.Services.PostConfigure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            var filter = options.Filter;
            options.Filter = context => !context.Request.Path.StartsWithSegments(ScrapePath)
                && (filter?.Invoke(context) ?? true);
        });
        return builder;
    }

    /// <summary>Called by MapDefaultEndpoints: the window label middleware and <c>GET /metrics</c>.</summary>
    public static WebApplication MapOperatorMetrics(this WebApplication app)
    {
        app.UseMiddleware<RequestWindowTags>();
        app.MapPrometheusScrapingEndpoint(ScrapePath).OnManagementPort(app.Configuration);
        return app;
    }
}
