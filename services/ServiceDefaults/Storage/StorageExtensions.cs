using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Storage;

public static class StorageExtensions
{
    public const string ProviderKey = "Storage:Provider";
    public const string SqlitePathKey = "Storage:Sqlite:Path";
    public const string SqliteSynchronousKey = "Storage:Sqlite:Synchronous";
    public const string MongoConnectionKey = "ConnectionStrings:Mongo";
    public const string MongoDatabaseKey = "Storage:Mongo:Database";
    public const string Mongo = "mongo";

    /// <summary>
    /// Chooses the service's store from configuration: <c>Storage:Provider</c> = <c>sqlite</c> (the default, a file
    /// <c>data/&lt;service&gt;.db</c> or <c>Storage:Sqlite:Path</c>) or <c>mongo</c> (<c>ConnectionStrings:Mongo</c>,
    /// database <c>Storage:Mongo:Database</c>). Registers the matching adapters, a readiness check of the store, and
    /// the start-up creation of tables and indexes.
    /// </summary>
    public static IHostApplicationBuilder AddServiceStore(this IHostApplicationBuilder builder, string serviceName,
        Action<IServiceCollection> addSqliteAdapters, Action<IServiceCollection> addMongoAdapters)
    {
        var provider = (builder.Configuration[ProviderKey] ?? "sqlite").Trim().ToLowerInvariant();
        builder.Services.AddHostedService<StoreInitializationService>();
        switch (provider)
        {
            case "sqlite":
                var path = builder.Configuration[SqlitePathKey];
                if (string.IsNullOrWhiteSpace(path))
                    path = Path.Combine(builder.Environment.ContentRootPath, "data", $"{serviceName}.db");
                var synchronous = builder.Configuration[SqliteSynchronousKey] ?? "NORMAL";
                builder.Services.AddSingleton(new SqliteDatabase(path, synchronous));
                builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>("store", tags: ["ready"]);
                addSqliteAdapters(builder.Services);
                break;
            case "mongo":
                var connectionString = builder.Configuration[MongoConnectionKey];
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException($"{ProviderKey} is 'mongo' but {MongoConnectionKey} is not set.");
                var databaseName = builder.Configuration[MongoDatabaseKey] ?? $"civilaffairs_{serviceName.Replace('-', '_')}";
                builder.Services.AddSingleton<IMongoClient>(_ => new MongoClient(connectionString));
                builder.Services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
                builder.Services.AddHealthChecks().AddCheck<MongoHealthCheck>("store", tags: ["ready"]);
                addMongoAdapters(builder.Services);
                break;
            default:
                throw new InvalidOperationException($"{ProviderKey} must be 'sqlite' or 'mongo', not '{provider}'.");
        }
        return builder;
    }
}

public static class StoreComponents
{
    /// <summary>
    /// Registers a piece of shared infrastructure that lives in the service's own store (the outbox, the idempotency
    /// records), built for whichever store <c>Storage:Provider</c> chose, and creates its tables or indexes at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddStoreComponent<TComponent>(this IHostApplicationBuilder builder,
        Func<SqliteDatabase, TComponent> sqlite, Func<IMongoDatabase, TComponent> mongo)
        where TComponent : class
    {
        var useMongo = string.Equals(builder.Configuration[StorageExtensions.ProviderKey], StorageExtensions.Mongo, StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSingleton(sp => useMongo ? mongo(sp.GetRequiredService<IMongoDatabase>()) : sqlite(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.AddSingleton(sp => (IStoreInitializer)sp.GetRequiredService<TComponent>());
        return builder;
    }
}

internal sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ReadAsync(async connection =>
            {
                await using var command = connection.Command("SELECT 1");
                return await command.ExecuteScalarAsync(cancellationToken);
            });
            return HealthCheckResult.Healthy("sqlite");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("the embedded store cannot be read", error);
        }
    }
}

internal sealed class MongoHealthCheck(IMongoDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy("mongo");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("MongoDB does not answer", error);
        }
    }
}
