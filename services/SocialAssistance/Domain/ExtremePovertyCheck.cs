namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The extreme-poverty (特困) criteria for one person, with the facts they were judged on: no work capacity, no
/// income, no able supporter, and elderly, disabled or a child.
/// </summary>
public sealed record ExtremePovertyCheck(DateOnly AssessedOn, int Age, WorkCapacity WorkCapacity, long MonthlyIncomeFen,
    bool HasAbleSupporter, HealthCondition Health, bool Elderly, bool Child)
{
    public bool NoWorkCapacity => WorkCapacity == WorkCapacity.None;
    public bool NoIncome => MonthlyIncomeFen == 0;
    public bool Disabled => Health == HealthCondition.Disability;
    public bool InCoveredGroup => Elderly || Disabled || Child;

    public bool Eligible => NoWorkCapacity && NoIncome && !HasAbleSupporter && InCoveredGroup;

    /// <summary>Every criterion not met, in words for the clerk and the written refusal.</summary>
    public IReadOnlyList<string> Unmet() =>
    [
        .. NoWorkCapacity ? Array.Empty<string>() : ["has work capacity"],
        .. NoIncome ? Array.Empty<string>() : ["has an income"],
        .. HasAbleSupporter ? ["has a supporter able to support them"] : Array.Empty<string>(),
        .. InCoveredGroup ? Array.Empty<string>() : ["is neither elderly, disabled nor a child"],
    ];

    public static ExtremePovertyCheck Assess(HouseholdMember member, bool hasAbleSupporter, DateOnly on, SupportRules rules)
    {
        var age = member.IdNumber.AgeOn(on);
        return new ExtremePovertyCheck(on, age, member.WorkCapacity, member.MonthlyIncomeFen, hasAbleSupporter, member.Health,
            Elderly: age >= rules.ElderlyFromAge, Child: age < rules.ChildUnderAge);
    }
}
