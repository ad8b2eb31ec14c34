namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where households are kept.</summary>
public interface IHouseholdStore
{
    Task<Household?> GetAsync(string id);

    /// <summary>
    /// Stores a new household in one step that also checks no member belongs to another active household. Returns
    /// null when stored, or the first member found in another active household (nothing stored).
    /// </summary>
    Task<MembershipConflict?> AddAsync(Household household);

    /// <summary>
    /// Replaces the household if still at <paramref name="expectedVersion"/>, in one step that checks its new members
    /// belong to no other active household. Nothing is stored unless the result is applied.
    /// </summary>
    Task<HouseholdUpdate> UpdateAsync(Household household, int expectedVersion);
}
