namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A case's monthly amount from a month on (until the next entry), and the standard it was computed on.</summary>
public sealed record MonthlyAmount(DateOnly FromMonth, long AmountFen, long MonthlyStandardFen, DateOnly StandardEffectiveFrom);

/// <summary>
/// The amounts a case is paid month by month: the household's verified figures under the standard in force in each
/// month, less the shares of members whose benefit was cut for refusing work. A new standard therefore pays its amount
/// from its first month on, whenever the case was investigated or confirmed.
/// </summary>
public static class BenefitSchedule
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The schedule with every month from <paramref name="from"/> on computed again from <paramref name="test"/>'s
    /// incomes and assets under the county's standards; earlier months are kept as they were.
    /// </summary>
    public static IReadOnlyList<MonthlyAmount> Rebuild(IReadOnlyList<MonthlyAmount> current, DateOnly from, MeansTest test,
        IReadOnlyList<LocalStandard> countyStandards, int membersCut, int cutPercent)
    {
        var standards = countyStandards.Count > 0
            ? countyStandards
            : [new LocalStandard(test.CountyCode, test.StandardEffectiveFrom, test.MonthlyStandardFen, test.AssetLimitPerCapitaFen)];
        var schedule = current.Where(a => a.FromMonth < from).ToList();
        var inForce = standards.LastOrDefault(s => s.FirstMonth <= from) ?? standards[0];
        schedule.Add(Entry(from, inForce));
        schedule.AddRange(standards.Where(s => s.FirstMonth > from).Select(s => Entry(s.FirstMonth, s)));
        return schedule;

        MonthlyAmount Entry(DateOnly month, LocalStandard standard) => new(month,
            Amount(MeansTest.Compute(standard, test.MemberIncomesFen, test.FinancialAssetsFen, test.AssessedOn), membersCut, cutPercent),
            standard.MonthlyStandardFen, standard.EffectiveFrom);
    }

    /// <summary>
    /// The household's benefit less, for each member whose share is cut, that share (the benefit divided by the members,
    /// the remainder staying with the household) times the cut (100: stopped).
    /// </summary>
    public static long Amount(MeansTest test, int membersCut, int cutPercent)
    {
        var benefit = test.MonthlyBenefitFen;
        if (test.MemberCount == 0 || membersCut <= 0) return benefit;
        var share = benefit / test.MemberCount;
        return benefit - Math.Min(membersCut, test.MemberCount) * (share * Math.Clamp(cutPercent, 0, 100) / 100);
    }
}
