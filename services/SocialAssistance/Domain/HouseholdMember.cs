using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A person living in the household, with the monthly income the means test counts (in fen).</summary>
public sealed record HouseholdMember(
    string Name,
    ResidentIdNumber IdNumber,
    Relation Relation,
    long MonthlyIncomeFen,
    WorkCapacity WorkCapacity = WorkCapacity.Unspecified,
    HealthCondition Health = HealthCondition.Unspecified,
    DisabilityKind Disability = DisabilityKind.Unspecified,
    int DisabilityGrade = 0)
{
    /// <summary>Able to work: full or partial capacity, or not assessed (then assumed able, the stricter review).</summary>
    public bool CanWork => WorkCapacity is WorkCapacity.Full or WorkCapacity.Partial or WorkCapacity.Unspecified;

    public bool DisabledOrSeriouslyIll => Health is HealthCondition.Disability or HealthCondition.SeriousIllness;
}
