using CivilAffairs.ServiceDefaults.Documents.Mongo;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Idempotency;
using CivilAffairs.ServiceDefaults.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>A step run once at start-up after the collections exist, e.g. importing an earlier release's tables.</summary>
public interface IStoreMigration
{
    Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken);
}

public static class DocumentStoreExtensions
{
    public const string ProviderKey = "Storage:Provider";
    public const string SqlitePathKey = "Storage:Sqlite:Path";
    public const string SqliteSynchronousKey = "Storage:Sqlite:Synchronous";
    public const string MongoConnectionKey = "ConnectionStrings:Mongo";
    public const string MongoDatabaseKey = "Storage:Mongo:Database";

    /// <summary>
    /// The service's document store, chosen by <c>Storage:Provider</c>: <c>sqlite</c> (the default: the file
    /// <c>data/&lt;service&gt;.db</c> or <c>Storage:Sqlite:Path</c>, <c>Storage:Sqlite:Synchronous</c> FULL unless an
    /// operator chooses NORMAL) or <c>mongo</c> (<c>ConnectionStrings:Mongo</c>, database <c>Storage:Mongo:Database</c>).
    /// Creates the declared collections and their indexes at start-up, runs the service's migrations, checks the store
    /// for readiness, and purges kept records past their retention.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder, string serviceName,
        params IDocumentCollection[] collections)
    {
        var services = builder.Services;
        foreach (var collection in collections) services.AddSingleton(collection);
        if (services.Any(d => d.ServiceType == typeof(IDocumentStore))) return builder;

        services.TryAddSingleton<OutboxSignal>();
        services.AddSingleton<IDocumentCollection>(IdempotencyRecords.Collection);
        services.AddSingleton<IDocumentCollection>(OutboxRecords.Collection);
        var idempotency = new IdempotencyOptions();
        builder.Configuration.GetSection("Idempotency").Bind(idempotency);
        services.AddSingleton(idempotency);

        var provider = (builder.Configuration[ProviderKey] ?? "sqlite").Trim().ToLowerInvariant();
        switch (provider)
        {
            case "sqlite":
                var path = builder.Configuration[SqlitePathKey];
                if (string.IsNullOrWhiteSpace(path)) path = Path.Combine(builder.Environment.ContentRootPath, "data", $"{serviceName}.db");
                var synchronous = builder.Configuration[SqliteSynchronousKey] ?? "FULL";
                services.AddSingleton<IDocumentStore>(sp => new SqliteDocumentStore(path, synchronous, sp.GetRequiredService<OutboxSignal>()));
                break;
            case "mongo":
                var connectionString = builder.Configuration[MongoConnectionKey];
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException($"{ProviderKey} is 'mongo' but {MongoConnectionKey} is not set.");
                var databaseName = builder.Configuration[MongoDatabaseKey] ?? $"civilaffairs_{serviceName.Replace('-', '_')}";
                services.AddSingleton<IMongoClient>(_ => new MongoClient(connectionString));
                services.AddSingleton<IDocumentStore>(sp =>
                {
                    var client = sp.GetRequiredService<IMongoClient>();
                    return new MongoDocumentStore(client, client.GetDatabase(databaseName), sp.GetRequiredService<OutboxSignal>());
                });
                break;
            default:
                throw new InvalidOperationException($"{ProviderKey} must be 'sqlite' or 'mongo', not '{provider}'.");
        }
        services.AddHostedService<StoreInitialization>();
        services.AddHostedService<StoreRetention>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return builder;
    }
}

/// <summary>Creates every declared collection and runs the migrations, before the service answers a call.</summary>
internal sealed class StoreInitialization(IDocumentStore store, IEnumerable<IDocumentCollection> collections, IEnumerable<IStoreMigration> migrations)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(collections.Distinct().ToList(), cancellationToken);
        foreach (var migration in migrations) await migration.MigrateAsync(store, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy(store is SqliteDocumentStore ? "sqlite" : "mongo");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", error);
        }
    }
}
