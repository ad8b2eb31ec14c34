namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The household economic check (家庭经济状况核对) with every figure kept, so a decision can be explained and
/// audited later: the standard applied, each member's verified income, the assets, and the benefit that follows.
/// Comparisons use totals (income below standard x members) so no fen is lost to per-capita rounding.
/// </summary>
public sealed record MeansTest
{
    public required DateOnly AssessedOn { get; init; }
    public required string CountyCode { get; init; }
    public required DateOnly StandardEffectiveFrom { get; init; }
    public required long MonthlyStandardFen { get; init; }
    public required long AssetLimitPerCapitaFen { get; init; }
    public required IReadOnlyList<long> MemberIncomesFen { get; init; }
    public required long FinancialAssetsFen { get; init; }

    public int MemberCount => MemberIncomesFen.Count;
    public long TotalIncomeFen => MemberIncomesFen.Sum();
    public long PerCapitaIncomeFen => MemberCount == 0 ? 0 : TotalIncomeFen / MemberCount;
    public long PerCapitaAssetsFen => MemberCount == 0 ? 0 : FinancialAssetsFen / MemberCount;

    /// <summary>Strictly below: a household exactly at the standard is not eligible.</summary>
    public bool IncomeBelowStandard => TotalIncomeFen < MonthlyStandardFen * MemberCount;

    public bool AssetsWithinLimit => FinancialAssetsFen <= AssetLimitPerCapitaFen * MemberCount;

    public bool Eligible => MemberCount > 0 && IncomeBelowStandard && AssetsWithinLimit;

    /// <summary>(standard - per-capita income) x members = standard x members - total income; 0 when not eligible.</summary>
    public long MonthlyBenefitFen => Eligible ? MonthlyStandardFen * MemberCount - TotalIncomeFen : 0;

    public static MeansTest Compute(LocalStandard standard, IReadOnlyList<long> memberIncomesFen, long financialAssetsFen, DateOnly on) => new()
    {
        AssessedOn = on,
        CountyCode = standard.CountyCode,
        StandardEffectiveFrom = standard.EffectiveFrom,
        MonthlyStandardFen = standard.MonthlyStandardFen,
        AssetLimitPerCapitaFen = standard.AssetLimitPerCapitaFen,
        MemberIncomesFen = memberIncomesFen.ToList(),
        FinancialAssetsFen = financialAssetsFen,
    };

    /// <summary>Why the household is not eligible, in words for the written refusal.</summary>
    public string IneligibilityReason() => (IncomeBelowStandard, AssetsWithinLimit) switch
    {
        (false, false) => "per-capita income is not below the local standard and assets exceed the limit",
        (false, _) => "per-capita income is not below the local standard",
        (_, false) => "assets exceed the local limit",
        _ => "",
    };
}
