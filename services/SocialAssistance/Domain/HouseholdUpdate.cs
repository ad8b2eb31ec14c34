namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What an update did: applied, refused for a member in another active household, or stale (changed meanwhile).</summary>
public sealed record HouseholdUpdate(bool Applied, MembershipConflict? Conflict = null)
{
    public static readonly HouseholdUpdate Done = new(true);
    public static readonly HouseholdUpdate Stale = new(false);
}
