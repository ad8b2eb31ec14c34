using CivilAffairs.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.ServiceDefaults.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// A transactional outbox in the service's own document store (the collection <c>outbox</c>, written in the
    /// producer's batches) and the relay that delivers it over gRPC. Settings: section <c>Outbox</c>; targets'
    /// addresses: <c>Services:&lt;name&gt;:Grpc</c>, checked for readiness.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var options = new OutboxOptions();
        builder.Configuration.GetSection("Outbox").Bind(options);
        builder.Services.AddSingleton(options);
        builder.AddServiceCredentials(ServiceDefaultsExtensions.ProcessName(builder));
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IOutboxStore, OutboxStore>();
        builder.Services.AddSingleton<CivilAffairs.ServiceDefaults.Documents.IStoreMigration, EarlierReleaseOutbox>();
        builder.Services.AddHealthChecks().AddCheck<OutboxTargetsHealthCheck>("outbox-targets", tags: ["ready"]);
        builder.Services.AddSingleton<IOutboxTransport, GrpcOutboxTransport>();
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return builder;
    }

    /// <summary>
    /// For operators, on the service's management port only (the gateway does not route it, nothing publishes it): <c>GET /ops/outbox</c> shows the backlog
    /// and the dead letters; <c>POST /ops/outbox/dead-letters/{eventId}/replay</c> puts one back in line.
    /// </summary>
    public static IEndpointRouteBuilder MapOutboxOperations(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("/ops").OnManagementPort(app.ServiceProvider.GetRequiredService<IConfiguration>());
        ops.MapGet("/outbox", async (IOutboxStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (count, oldest) = await store.BacklogAsync(cancellationToken);
            var dead = await store.DeadLettersAsync(100, cancellationToken);
            return Results.Ok(new
            {
                backlog = count,
                oldestAgeSeconds = oldest is { } o ? Math.Round((time.GetUtcNow() - o).TotalSeconds, 1) : 0,
                deadLetters = dead.Select(d => new
                {
                    eventId = d.Message.EventId, aggregateId = d.Message.AggregateId, target = d.Message.Target, method = d.Message.Method,
                    createdAt = d.Message.CreatedAt, attempts = d.Attempts, error = d.Record.LastError,
                }),
            });
        });
        ops.MapPost("/outbox/dead-letters/{eventId}/replay", async (string eventId, IOutboxStore store, OutboxSignal signal, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            if (!await store.ReplayAsync(eventId, time.GetUtcNow(), cancellationToken))
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter", detail: $"no dead-lettered event {eventId}");
            signal.Notify();
            return Results.Accepted(value: new { eventId, state = "pending" });
        });
        return app;
    }
}

/// <summary>Readiness fails, naming the consumer, when messages wait for a consumer whose address is missing or malformed:
/// they would never leave, and nothing else would say why.</summary>
internal sealed class OutboxTargetsHealthCheck(IOutboxStore store, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bad = new List<string>();
        foreach (var target in await store.WaitingTargetsAsync(cancellationToken))
        {
            var address = configuration[$"Services:{target}:Grpc"];
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                bad.Add($"Services:{target}:Grpc is {(string.IsNullOrWhiteSpace(address) ? "not set" : $"'{address}', not an http(s) address")}");
        }
        return bad.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("outbox messages wait for consumers that cannot be reached: " + string.Join("; ", bad));
    }
}
