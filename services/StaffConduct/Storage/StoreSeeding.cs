using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>
/// Loads the starting conduct code and service catalogue at start-up, after the collections exist and an earlier
/// release's store file is carried over: each only into an empty collection, never over the administrators' data.
/// Idempotent: a second start finds them there, and of two instances starting together the second one's batch meets
/// the first one's ids and is refused whole.
/// </summary>
internal sealed class StoreSeeding(TimeProvider time, BureauClock clock) : IStoreMigration
{
    public async Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await SeedAsync(store, ConductRules, ConductCodeSeed.Rules(time.GetUtcNow()), cancellationToken);
        await SeedAsync(store, Catalogue, CatalogueSeed.Items(clock.Today, clock.Now), cancellationToken);
    }

    private static async Task SeedAsync<T>(IDocumentStore store, DocumentCollection<T> collection, IReadOnlyList<T> documents,
        CancellationToken cancellationToken) where T : class
    {
        if (await store.CountAsync(collection, DocumentQuery.All, cancellationToken) > 0) return;
        var batch = new WriteBatch();
        foreach (var document in documents) batch.Insert(collection, document);
        await store.CommitAsync(batch, cancellationToken);
    }
}
