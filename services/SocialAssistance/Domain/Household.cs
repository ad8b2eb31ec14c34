namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A household (家庭) as registered at the window: its members and their incomes. Active households hold their
/// members: a person belongs to at most one active household, so one income is never counted twice.
/// </summary>
public sealed record Household
{
    public required string Id { get; init; }
    public required string CountyCode { get; init; }
    public required string Address { get; init; }
    public required IReadOnlyList<HouseholdMember> Members { get; init; }
    /// <summary>Savings, deposits and other financial assets of the whole household, in fen.</summary>
    public long FinancialAssetsFen { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public bool Active { get; init; } = true;
    public IReadOnlyList<HouseholdChange> Changes { get; init; } = [];
    public int Version { get; init; } = 1;

    public long TotalMonthlyIncomeFen => Members.Sum(m => m.MonthlyIncomeFen);

    /// <summary>Rounded down to the fen, for display; the means test compares totals so no fen is lost to rounding.</summary>
    public long PerCapitaMonthlyIncomeFen => Members.Count == 0 ? 0 : TotalMonthlyIncomeFen / Members.Count;

    public IReadOnlyList<long> MemberIncomesFen => Members.Select(m => m.MonthlyIncomeFen).ToList();

    public HouseholdMember Head => Members.Single(m => m.Relation == Relation.Head);
}
