using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

internal sealed class OfficeStore(IDocumentStore store) : IOfficeStore
{
    public async Task<OfficeSettings?> GetAsync(string officeId, CancellationToken cancellationToken) =>
        (await store.GetAsync(Settings, officeId, cancellationToken))?.Document;

    /// <summary>An operator's settings replace the earlier ones whole: the last one saved wins.</summary>
    public Task SaveAsync(OfficeSettings settings, CancellationToken cancellationToken) =>
        store.CommitAsync(new WriteBatch().Put(Settings, settings), cancellationToken);
}
