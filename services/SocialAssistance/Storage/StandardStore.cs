using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SocialAssistance.Domain;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>The standards published through the service, one document per county and effective date (its id).</summary>
internal sealed class StandardStore(IDocumentStore store) : IStandardStore
{
    public async Task<bool> AddAsync(LocalStandard standard) =>
        await store.CommitAsync(new WriteBatch().Insert(Standards, standard)) switch
        {
            null => true,
            WriteConflict.DuplicateKey { Rule: "id" } => false,
            var other => throw new UnexpectedConflict(other),
        };

    public async Task<IReadOnlyList<LocalStandard>> ListAsync(string countyCode) =>
        (await store.FindAsync(Standards, DocumentQuery.Where("county", countyCode)))
            .Select(s => s.Document).OrderBy(s => s.EffectiveFrom).ToList();
}
