using CivilAffairs.ServiceDefaults.Calendar;
using CivilAffairs.ServiceDefaults.Clock;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Idempotency;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.ServiceDefaults.Security;
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
    public const string GrpcLiveService = "live";
    public const string GrpcReadyService = "ready";

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
        builder.Services.AddSingleton(DemonstrationClock.From(builder.Configuration, builder.Environment));
        builder.AddOfficialCalendar();
        builder.AddManagementPort();
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
        RedactingLogging.WrapLoggers(builder.Services);
        EventTags.Listen();

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
        builder.AddCallerAuthentication(ProcessName(builder));
        builder.Services.AddGrpc(options =>
        {
            // Outermost first: text that is not text is refused before anything runs; keyed retries are answered
            // before the service runs; domain refusals become statuses inside.
            options.Interceptors.Add<StoreWrites.Scope>();
            options.Interceptors.Add<TextFieldsInterceptor>();
            options.Interceptors.Add<IdempotencyInterceptor>();
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
        // grpc.health.v1 on the gRPC port, for orchestrators' gRPC probes: "" and "ready" as /health/ready, "live" as
        // /health/live.
        builder.Services.AddGrpcHealthChecks(options =>
        {
            options.Services.Clear();
            options.Services.Map("", check => check.Tags.Contains("live") || check.Tags.Contains("ready"));
            options.Services.Map(GrpcReadyService, check => check.Tags.Contains("live") || check.Tags.Contains("ready"));
            options.Services.Map(GrpcLiveService, check => check.Tags.Contains("live"));
        });
        return builder;
    }

    /// <summary>
    /// Liveness (<c>/health/live</c>: the process answers) and readiness (<c>/health/ready</c>: the store answers too),
    /// for orchestrators and load balancers. Not routed by the gateway.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live") || check.Tags.Contains("ready"),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        app.MapOperatorMetrics();
        return app;
    }

    /// <summary>Maps a service's gRPC class, the gRPC health service and, where enabled (<c>Grpc:Reflection</c>), server
    /// reflection.</summary>
    public static WebApplication MapGrpcApi<TService>(this WebApplication app) where TService : class
    {
        app.MapGrpcService<TService>();
        app.MapGrpcHealthChecksService().AllowAnonymous(); // probes need no credential
        if (app.Configuration.GetValue("Grpc:Reflection", true)) app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>The process's name among the others (<c>ServiceAuth:Name</c>, else its assembly's: CivilAffairs.StaffConduct
    /// is staff-conduct): the audience of the calls it receives and the issuer of those it makes.</summary>
    public static string ProcessName(IHostApplicationBuilder builder)
    {
        if (builder.Configuration["ServiceAuth:Name"] is { Length: > 0 } configured) return configured;
        var name = builder.Environment.ApplicationName.Replace("CivilAffairs.", "", StringComparison.Ordinal);
        return string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
    }

    /// <summary>Readiness with its reasons, so an operator sees what is degraded (e.g. the calendar ends) without logs.</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
