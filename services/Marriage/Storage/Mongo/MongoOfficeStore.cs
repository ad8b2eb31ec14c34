using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

internal sealed class MongoOfficeStore(MongoMarriageCollections db) : IOfficeStore
{
    public async Task<OfficeSettings?> GetAsync(string officeId, CancellationToken cancellationToken) =>
        (await db.Offices.Find(o => o.OfficeId == officeId).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public Task SaveAsync(OfficeSettings settings, CancellationToken cancellationToken) =>
        db.Offices.ReplaceOneAsync(o => o.OfficeId == settings.OfficeId, settings.ToDocument(), new ReplaceOptions { IsUpsert = true }, cancellationToken);
}
