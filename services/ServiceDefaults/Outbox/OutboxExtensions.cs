using CivilAffairs.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// A transactional outbox in the service's own store (the table or collection <c>outbox</c>) and the relay that
    /// delivers it over gRPC. Settings: section <c>Outbox</c>; targets' addresses: <c>Services:&lt;name&gt;:Grpc</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var options = new OutboxOptions();
        builder.Configuration.GetSection("Outbox").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OutboxSignal>();
        var mongo = string.Equals(builder.Configuration[StorageExtensions.ProviderKey], "mongo", StringComparison.OrdinalIgnoreCase);
        if (mongo)
            builder.Services.AddSingleton<IOutboxStore>(sp => new MongoOutbox(sp.GetRequiredService<IMongoDatabase>()));
        else
            builder.Services.AddSingleton<IOutboxStore>(sp => new SqliteOutbox(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.AddSingleton<IStoreInitializer>(sp => (IStoreInitializer)sp.GetRequiredService<IOutboxStore>());
        builder.Services.AddSingleton<IOutboxTransport, GrpcOutboxTransport>();
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return builder;
    }

    /// <summary>
    /// For operators, on the service itself (the gateway does not route it): <c>GET /ops/outbox</c> shows the backlog
    /// and the dead letters; <c>POST /ops/outbox/dead-letters/{eventId}/replay</c> puts one back in line.
    /// </summary>
    public static IEndpointRouteBuilder MapOutboxOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ops/outbox", async (IOutboxStore store, TimeProvider time, CancellationToken cancellationToken) =>
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
                    createdAt = d.Message.CreatedAt, attempts = d.Attempts, error = d.LastError,
                }),
            });
        });
        app.MapPost("/ops/outbox/dead-letters/{eventId}/replay", async (string eventId, IOutboxStore store, OutboxSignal signal, TimeProvider time,
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
