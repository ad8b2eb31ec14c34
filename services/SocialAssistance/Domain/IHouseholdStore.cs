namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where households are kept.</summary>
public interface IHouseholdStore
{
    Task<Household?> GetAsync(string id);

    /// <summary>
    /// Stores a new household, with its idempotency claim, in one step that also checks no member belongs to another
    /// active household. Returns null when stored, or the first member found in another active household (nothing
    /// stored). Throws <see cref="IdempotencyKeyTaken"/> when the key was stored meanwhile.
    /// </summary>
    Task<MembershipConflict?> AddAsync(Household household, IdempotencyClaim? claim);

    /// <summary>
    /// Replaces the household if still at <paramref name="expectedVersion"/>, with the claim, in one step that checks
    /// its new members belong to no other active household. Nothing is stored unless the result is applied.
    /// </summary>
    Task<HouseholdUpdate> UpdateAsync(Household household, int expectedVersion, IdempotencyClaim? claim);
}

/// <summary>The member (by position in the household) who already belongs to another active household.</summary>
public sealed record MembershipConflict(int MemberIndex);

/// <summary>What an update did: applied, refused for a member in another active household, or stale (changed meanwhile).</summary>
public sealed record HouseholdUpdate(bool Applied, MembershipConflict? Conflict = null)
{
    public static readonly HouseholdUpdate Done = new(true);
    public static readonly HouseholdUpdate Stale = new(false);
}
