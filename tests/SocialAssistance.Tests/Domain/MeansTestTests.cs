using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class MeansTestTests
{
    private static readonly LocalStandard Standard = new("110105", new DateOnly(2026, 1, 1), MonthlyStandardFen: 147_000, AssetLimitPerCapitaFen: 3_528_000);
    private static readonly DateOnly On = new(2026, 11, 2);

    [Fact]
    public void Income_exactly_at_the_standard_is_not_eligible()
    {
        var test = MeansTest.Compute(Standard, [147_000, 147_000], 0, On);

        Assert.False(test.IncomeBelowStandard);
        Assert.False(test.Eligible);
        Assert.Equal(0, test.MonthlyBenefitFen);
        Assert.Contains("not below the local standard", test.IneligibilityReason());
    }

    [Fact]
    public void One_yuan_below_the_standard_is_eligible_for_one_yuan_a_member()
    {
        var test = MeansTest.Compute(Standard, [292_000, 0], 0, On); // 2,920 yuan for two: 1,460 each

        Assert.True(test.Eligible);
        Assert.Equal(146_000, test.PerCapitaIncomeFen);
        Assert.Equal(2 * 1_000, test.MonthlyBenefitFen);
    }

    [Fact]
    public void The_benefit_is_the_standard_less_per_capita_income_times_members_without_rounding_loss()
    {
        var test = MeansTest.Compute(Standard, [100_001, 0, 0], 0, On);

        Assert.Equal(33_333, test.PerCapitaIncomeFen); // shown rounded down
        Assert.Equal(3 * 147_000 - 100_001, test.MonthlyBenefitFen); // paid exactly
    }

    [Fact]
    public void Assets_at_the_limit_pass_and_one_fen_over_fails()
    {
        Assert.True(MeansTest.Compute(Standard, [0, 0], 2 * 3_528_000, On).Eligible);
        var over = MeansTest.Compute(Standard, [0, 0], 2 * 3_528_000 + 1, On);
        Assert.False(over.AssetsWithinLimit);
        Assert.False(over.Eligible);
        Assert.Equal("assets exceed the local limit", over.IneligibilityReason());
    }

    [Fact]
    public void Every_figure_of_the_computation_is_kept()
    {
        var test = MeansTest.Compute(Standard, [50_000, 10_000], 700_000, On);

        Assert.Equal((On, "110105", new DateOnly(2026, 1, 1), 147_000L, 3_528_000L), (test.AssessedOn, test.CountyCode, test.StandardEffectiveFrom, test.MonthlyStandardFen, test.AssetLimitPerCapitaFen));
        Assert.Equal([50_000L, 10_000L], test.MemberIncomesFen);
        Assert.Equal((2, 60_000L, 30_000L, 700_000L, 350_000L), (test.MemberCount, test.TotalIncomeFen, test.PerCapitaIncomeFen, test.FinancialAssetsFen, test.PerCapitaAssetsFen));
        Assert.Equal(2 * 147_000 - 60_000, test.MonthlyBenefitFen);
    }
}

public class LocalStandardsTests
{
    private static readonly LocalStandards Standards = new([
        new LocalStandard("110105", new DateOnly(2025, 7, 1), 147_000, 3_528_000),
        new LocalStandard("110105", new DateOnly(2026, 7, 1), 152_000, 3_648_000),
        new LocalStandard("110108", new DateOnly(2025, 7, 1), 140_000, 3_000_000),
    ]);

    [Fact]
    public void The_standard_in_force_on_the_day_applies()
    {
        Assert.Equal(147_000, Standards.For("110105", new DateOnly(2026, 6, 30)).MonthlyStandardFen);
        Assert.Equal(152_000, Standards.For("110105", new DateOnly(2026, 7, 1)).MonthlyStandardFen);
        Assert.Equal(140_000, Standards.For("110108", new DateOnly(2027, 1, 1)).MonthlyStandardFen);
    }

    [Fact]
    public void A_county_or_a_day_without_a_standard_is_refused()
    {
        Assert.Equal("no-local-standard", Assert.Throws<RuleViolated>(() => Standards.For("110105", new DateOnly(2025, 6, 30))).Rule);
        Assert.Equal("no-local-standard", Assert.Throws<RuleViolated>(() => Standards.For("310101", new DateOnly(2026, 1, 1))).Rule);
    }

    [Fact]
    public void Two_standards_from_the_same_day_are_a_configuration_error()
    {
        Assert.Throws<ArgumentException>(() => new LocalStandards([
            new LocalStandard("110105", new DateOnly(2026, 7, 1), 152_000, 1),
            new LocalStandard("110105", new DateOnly(2026, 7, 1), 153_000, 1),
        ]));
    }
}
