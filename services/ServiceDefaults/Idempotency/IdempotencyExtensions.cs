using CivilAffairs.ServiceDefaults.Storage;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>The table or collection <c>idempotent_requests</c> in the service's own store (same provider choice).</summary>
    public static IHostApplicationBuilder AddIdempotencyStore(this IHostApplicationBuilder builder) =>
        builder.AddStoreComponent<IIdempotencyStore>(sqlite => new SqliteIdempotencyStore(sqlite), mongo => new MongoIdempotencyStore(mongo));
}
