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
}

/// <summary>The member (by position in the household) who already belongs to another active household.</summary>
public sealed record MembershipConflict(int MemberIndex);
