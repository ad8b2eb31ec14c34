using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.SocialAssistance.Tests.Domain.Rules;

public class GradualExitAfterEmploymentTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly LocalStandard Standard = new("110105", new DateOnly(2025, 7, 1), 147_000, 3_528_000);
    private static readonly StaffMember Clerk = new("clerk", "王受理", Window.SocialAssistance);
    private readonly CaseCalendar _calendar = new(new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero)),
        WorkingDayCalendar.Official(), TimeSpan.FromHours(8));

    private static DibaoApplication ActiveCase()
    {
        var test = MeansTest.Compute(Standard, [50_000, 0], 0, new DateOnly(2026, 11, 2));
        return new DibaoApplication
        {
            Id = "dba_1", HouseholdId = "hh_1", ApplicantKind = ApplicantKind.Household, Status = ApplicationStatus.Active,
            SubmittedAt = DateTimeOffset.UnixEpoch, MeansTest = test, MonthlyBenefitFen = test.MonthlyBenefitFen, BenefitStartMonth = new DateOnly(2026, 12, 1),
        };
    }

    private static MeansTest AboveTheStandard => MeansTest.Compute(Standard, [400_000, 0], 0, Today);

    [Fact]
    public void Income_above_the_standard_through_employment_keeps_the_benefit_for_the_configured_months()
    {
        var how = new Reassessment([Standard], IncomeFromEmployment: true, new DibaoRules { GradualExitMonths = 3 });

        var exiting = ActiveCase().Recalculate(Clerk, AboveTheStandard, "户主在物流公司就业", _calendar, how);

        Assert.Equal((ApplicationStatus.Active, new DateOnly(2027, 5, 1)), (exiting.Status, exiting.GradualExitLastMonth));
        Assert.Equal([244_000L, 244_000L, 244_000L, 244_000L, 0L],
            new[] { 2, 3, 4, 5, 6 }.Select(m => exiting.BenefitFor(new DateOnly(2027, m, 1))));
        var adjustment = Assert.Single(exiting.Adjustments);
        Assert.Equal(AdjustmentKind.GradualExit, adjustment.Kind);
        Assert.Contains("continues to 2027-05", adjustment.Reasons);
    }

    [Fact]
    public void Income_above_the_standard_from_anything_else_is_no_longer_eligible()
    {
        var how = new Reassessment([Standard], IncomeFromEmployment: false, new DibaoRules { GradualExitMonths = 3 });

        Assert.Equal("no-longer-eligible", Assert.Throws<RuleViolated>(() => ActiveCase().Recalculate(Clerk, AboveTheStandard, "继承房租收入", _calendar, how)).Rule);
    }

    [Fact]
    public void A_review_during_the_gradual_exit_does_not_give_the_months_again()
    {
        var how = new Reassessment([Standard], IncomeFromEmployment: true, new DibaoRules { GradualExitMonths = 3 });
        var exiting = ActiveCase().Recalculate(Clerk, AboveTheStandard, "户主就业", _calendar, how);

        var again = exiting.Recalculate(Clerk, AboveTheStandard, "收入仍高于标准", _calendar, how);

        Assert.Equal(new DateOnly(2027, 5, 1), again.GradualExitLastMonth);
    }
}
