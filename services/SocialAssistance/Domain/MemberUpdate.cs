namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A member's work capacity or health, as newly assessed; UNSPECIFIED leaves that one unchanged.</summary>
public sealed record MemberUpdate(int MemberIndex, WorkCapacity WorkCapacity, HealthCondition Health)
{
    public HouseholdMember ApplyTo(HouseholdMember member) => member with
    {
        WorkCapacity = WorkCapacity == WorkCapacity.Unspecified ? member.WorkCapacity : WorkCapacity,
        Health = Health == HealthCondition.Unspecified ? member.Health : Health,
    };
}
