using CivilAffairs.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>The table or collection <c>idempotent_requests</c> in the service's own store (same provider choice).</summary>
    public static IHostApplicationBuilder AddIdempotencyStore(this IHostApplicationBuilder builder)
    {
        var mongo = string.Equals(builder.Configuration[StorageExtensions.ProviderKey], "mongo", StringComparison.OrdinalIgnoreCase);
        if (mongo)
            builder.Services.AddSingleton<IIdempotencyStore>(sp => new MongoIdempotencyStore(sp.GetRequiredService<IMongoDatabase>()));
        else
            builder.Services.AddSingleton<IIdempotencyStore>(sp => new SqliteIdempotencyStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.AddSingleton<IStoreInitializer>(sp => (IStoreInitializer)sp.GetRequiredService<IIdempotencyStore>());
        return builder;
    }
}
