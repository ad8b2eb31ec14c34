using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SocialAssistance.Domain;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>Households as documents; the unique rule over active members keeps a person in one active household.</summary>
internal sealed class HouseholdStore(IDocumentStore store) : IHouseholdStore
{
    public async Task<Household?> GetAsync(string id) => (await store.GetAsync(Households, id))?.Document;

    public async Task<MembershipConflict?> AddAsync(Household household) =>
        await store.CommitAsync(new WriteBatch().Insert(Households, household)) switch
        {
            null => null,
            WriteConflict.DuplicateKey { Rule: OneActiveHouseholdPerPerson } => await TakenAsync(household) ?? await AddAsync(household),
            var other => throw new UnexpectedConflict(other),
        };

    public async Task<HouseholdUpdate> UpdateAsync(Household household, int expectedVersion) =>
        await store.CommitAsync(new WriteBatch().Replace(Households, household, expectedVersion)) switch
        {
            null => HouseholdUpdate.Done,
            WriteConflict.Stale => HouseholdUpdate.Stale,
            WriteConflict.DuplicateKey { Rule: OneActiveHouseholdPerPerson } => await TakenAsync(household) is { } taken
                ? new HouseholdUpdate(false, taken)
                : await UpdateAsync(household, expectedVersion),
            var other => throw new UnexpectedConflict(other),
        };

    /// <summary>The first member active in another household; null when the other household let them go since the
    /// refusal (then the write is tried again).</summary>
    private async Task<MembershipConflict?> TakenAsync(Household household)
    {
        var ids = household.Members.Select(m => m.IdNumber.Value).ToList();
        var others = await store.FindAsync(Households, DocumentQuery.All.AndIn("activeMembers", ids));
        var taken = others.Where(o => o.Document.Id != household.Id).SelectMany(o => o.Document.Members).Select(m => m.IdNumber.Value).ToHashSet();
        var index = ids.FindIndex(taken.Contains);
        return index < 0 ? null : new MembershipConflict(index);
    }
}
