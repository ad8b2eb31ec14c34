namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Local rules of extreme-poverty support and temporary assistance, under <c>Assistance:Support</c>.</summary>
public sealed record SupportRules
{
    /// <summary>The basic living standard of extreme poverty as a share of the dibao standard (at least 130%).</summary>
    public int ExtremePovertyPercentOfStandard { get; init; } = 130;
    /// <summary>Temporary assistance at most this many months of the dibao standard for each member.</summary>
    public int TemporaryMaxMonthsOfStandard { get; init; } = 3;
    /// <summary>Working days to complete the paperwork after an emergency payment.</summary>
    public int PaperworkWorkingDays { get; init; } = 5;
    /// <summary>Calendar days a normal-route temporary assistance is publicly posted, the first day included.</summary>
    public int PostingDays { get; init; } = 7;
    /// <summary>Extreme poverty: aged this or over counts as without work capacity.</summary>
    public int ElderlyFromAge { get; init; } = 60;
    /// <summary>Extreme poverty: under this age counts as without work capacity.</summary>
    public int ChildUnderAge { get; init; } = 16;
    /// <summary>
    /// Extreme poverty: the disabilities that count as without work capacity, by kind (INTELLECTUAL, MENTAL, ...) and
    /// the least severe grade counted (national: intellectual or mental 1-3, physical 1-2, visual 1). A province adds
    /// kinds or grades here; 0 removes one.
    /// </summary>
    public Dictionary<string, int> QualifyingDisabilityGrades { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INTELLECTUAL"] = 3, ["MENTAL"] = 3, ["PHYSICAL"] = 2, ["VISUAL"] = 1,
    };
    /// <summary>Extreme poverty: income kinds not counted (null: the residents' basic pension and old-age allowances).</summary>
    public string[]? ExcludedIncomeKinds { get; init; }
    /// <summary>Extreme-poverty support is reviewed this many months after approval or the last review.</summary>
    public int ReviewMonths { get; init; } = 12;
    /// <summary>Working days within which a refusal of temporary assistance is notified in writing.</summary>
    public int RefusalNoticeWorkingDays { get; init; } = 3;

    public bool Excludes(IncomeKind kind) =>
        (ExcludedIncomeKinds ?? ["RESIDENTS_BASIC_PENSION", "OLD_AGE_ALLOWANCE"]).Contains(kind.Code(), StringComparer.OrdinalIgnoreCase);

    public bool CountsAsWithoutWorkCapacity(DisabilityKind kind, int grade) =>
        kind != DisabilityKind.Unspecified && grade >= 1 && QualifyingDisabilityGrades.TryGetValue(kind.Code(), out var least) && grade <= least;
}
