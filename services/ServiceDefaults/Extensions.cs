using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class ServiceDefaultsExtensions
{
    public const string LivenessPath = "/health/live";
    public const string ReadinessPath = "/health/ready";

    /// <summary>
    /// What every service and the gateway share: OpenTelemetry traces, metrics and logs with the window type on every
    /// span and no full ID number anywhere; health checks. <paramref name="defaultWindow"/> tags spans that no request
    /// told the window of (a service that serves one window names it).
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, Window defaultWindow = Window.Unspecified)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry(defaultWindow);
        builder.AddOperatorMetrics(defaultWindow);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, Window defaultWindow)
        where TBuilder : IHostApplicationBuilder
    {
        // gRPC server spans (method, status code) are off in the instrumentation unless this is set.
        builder.Configuration["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION"] ??= "true";

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddProcessor(new LogRedactionProcessor());
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("CivilAffairs.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("CivilAffairs.*")
                .AddSource("Yarp.ReverseProxy")
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new WindowTagProcessor(defaultWindow.Code()))
                .AddProcessor(new SpanRedactionProcessor()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// gRPC with JSON transcoding (every annotated RPC also answers REST/JSON) and the domain-error mapping, for the
    /// four services.
    /// </summary>
    public static IHostApplicationBuilder AddGrpcApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<DomainErrorInterceptor>();
            options.MaxReceiveMessageSize = 1024 * 1024;
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        }).AddJsonTranscoding(options =>
        {
            // The error details our statuses carry, so REST callers get them as JSON too.
            options.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                Google.Rpc.BadRequest.Descriptor, Google.Rpc.PreconditionFailure.Descriptor,
                Google.Rpc.ResourceInfo.Descriptor, Google.Rpc.RetryInfo.Descriptor, Google.Rpc.ErrorInfo.Descriptor);
        });
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// Liveness (<c>/health/live</c>: the process answers) and readiness (<c>/health/ready</c>: the store answers too),
    /// for orchestrators and load balancers. Not routed by the gateway.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live") || check.Tags.Contains("ready"),
        });
        app.MapOperatorMetrics();
        return app;
    }

    /// <summary>Maps a service's gRPC class and, where enabled (<c>Grpc:Reflection</c>), server reflection.</summary>
    public static WebApplication MapGrpcApi<TService>(this WebApplication app) where TService : class
    {
        app.MapGrpcService<TService>();
        if (app.Configuration.GetValue("Grpc:Reflection", true)) app.MapGrpcReflectionService();
        return app;
    }
}
