namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The extreme-poverty (特困) criteria for one person (特困人员认定办法, with local differences in SupportRules), with
/// the facts they were judged on: without work capacity (aged 60 or over, under 16, or a listed disability grade),
/// without means of living (counted income below the local dibao standard, excluded kinds of income left out; assets
/// within the local limit), and no supporter able to support.
/// </summary>
public sealed record ExtremePovertyCheck(DateOnly AssessedOn, int Age, WorkCapacity WorkCapacity, long MonthlyIncomeFen,
    bool HasAbleSupporter, HealthCondition Health, bool Elderly, bool Child)
{
    public DisabilityKind Disability { get; init; }
    public int DisabilityGrade { get; init; }
    public bool ListedDisability { get; init; }
    /// <summary>Income of kinds not counted (the residents' basic pension, old-age allowances...).</summary>
    public long ExcludedIncomeFen { get; init; }
    /// <summary>The local dibao standard the counted income (<see cref="MonthlyIncomeFen"/>) is compared with; null on
    /// checks made before the income was compared with it.</summary>
    public long? LocalStandardFen { get; init; }
    public long AssetsFen { get; init; }
    public long AssetLimitFen { get; init; }

    /// <summary>Facts as assessed (what the release before judged on, and still shown): capacity NONE, no income at
    /// all, disability of any grade, elderly or disabled or a child.</summary>
    public bool NoWorkCapacity => WorkCapacity == WorkCapacity.None;
    public bool NoIncome => MonthlyIncomeFen == 0;
    public bool Disabled => Health == HealthCondition.Disability;
    public bool InCoveredGroup => Elderly || Disabled || Child;

    public bool WithoutWorkCapacity => Elderly || Child || ListedDisability || (LocalStandardFen is null && Health == HealthCondition.Disability);
    public bool IncomeBelowStandard => LocalStandardFen is { } standard ? MonthlyIncomeFen < standard : MonthlyIncomeFen == 0;
    public bool AssetsWithinLimit => LocalStandardFen is null || AssetsFen <= AssetLimitFen;
    public bool WithoutMeansOfLiving => IncomeBelowStandard && AssetsWithinLimit;

    public bool Eligible => WithoutWorkCapacity && WithoutMeansOfLiving && !HasAbleSupporter;

    /// <summary>Every criterion not met, in words for the clerk and the written refusal.</summary>
    public IReadOnlyList<string> Unmet() =>
    [
        .. WithoutWorkCapacity ? Array.Empty<string>() : ["is neither elderly, a child under the age limit, nor of a listed disability grade"],
        .. IncomeBelowStandard ? Array.Empty<string>() : ["counted income is not below the local dibao standard"],
        .. AssetsWithinLimit ? Array.Empty<string>() : ["assets exceed the local limit"],
        .. HasAbleSupporter ? ["has a supporter able to support them"] : Array.Empty<string>(),
    ];

    /// <param name="incomes">The person's income by kind; none given: the member's registered income, all counted.</param>
    public static ExtremePovertyCheck Assess(HouseholdMember member, bool hasAbleSupporter, DateOnly on, SupportRules rules,
        LocalStandard standard, IReadOnlyList<IncomeItem>? incomes = null, long assetsFen = 0)
    {
        var age = member.IdNumber.AgeOn(on);
        var items = incomes is { Count: > 0 } ? incomes : [new IncomeItem(IncomeKind.Other, member.MonthlyIncomeFen)];
        var excluded = items.Where(i => rules.Excludes(i.Kind)).Sum(i => i.MonthlyFen);
        return new ExtremePovertyCheck(on, age, member.WorkCapacity, items.Sum(i => i.MonthlyFen) - excluded, hasAbleSupporter, member.Health,
            // A birth date after the day (never accepted from a caller) makes nobody a child.
            Elderly: age >= rules.ElderlyFromAge, Child: age >= 0 && member.IdNumber.BirthDate <= on && age < rules.ChildUnderAge)
        {
            Disability = member.Disability,
            DisabilityGrade = member.DisabilityGrade,
            ListedDisability = rules.CountsAsWithoutWorkCapacity(member.Disability, member.DisabilityGrade),
            ExcludedIncomeFen = excluded,
            LocalStandardFen = standard.MonthlyStandardFen,
            AssetsFen = assetsFen,
            AssetLimitFen = standard.AssetLimitPerCapitaFen,
        };
    }
}
