using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class CaseAdjustmentsTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly LocalStandard Standard = new("110105", new DateOnly(2025, 7, 1), 147_000, 3_528_000);
    private static readonly StaffMember Clerk = new("clerk", "王受理", Window.SocialAssistance);
    private readonly CaseCalendar _calendar;

    public CaseAdjustmentsTests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        _calendar = new CaseCalendar(clock, WorkingDayCalendar.Official(), TimeSpan.FromHours(8));
    }

    private static DibaoApplication ActiveCase(long benefit = 97_000) => new()
    {
        Id = "dba_1", HouseholdId = "hh_1", ApplicantKind = ApplicantKind.Household, Status = ApplicationStatus.Active,
        SubmittedAt = DateTimeOffset.UnixEpoch, MonthlyBenefitFen = benefit, ReviewCategory = ReviewCategory.Quarterly,
        NextReviewDue = Today,
    };

    private static MeansTest Test(params long[] incomes) => MeansTest.Compute(Standard, incomes, 0, Today);

    private static Household Household(WorkCapacity capacity) => new()
    {
        Id = "hh_1", CountyCode = "110105", Address = "a", RegisteredAt = DateTimeOffset.UnixEpoch,
        Members = [new HouseholdMember("甲", ResidentIdNumber.Parse(IdNumbers.Man(70), "id"), Relation.Head, 0, capacity, HealthCondition.Healthy)],
    };

    [Fact]
    public void A_recalculation_records_an_increase_or_a_decrease_with_both_figures()
    {
        var lower = ActiveCase(97_000).Recalculate(Clerk, Test(100_000), "found part-time work", _calendar);
        var adjustment = Assert.Single(lower.Adjustments);
        Assert.Equal((AdjustmentKind.Decrease, 97_000L, 47_000L), (adjustment.Kind, adjustment.BenefitBeforeFen, adjustment.BenefitAfterFen));
        Assert.Equal(47_000, lower.MonthlyBenefitFen);
        Assert.Equal(100_000, lower.MeansTest!.TotalIncomeFen);

        var higher = lower.Recalculate(Clerk, Test(0), "lost the job", _calendar);
        Assert.Equal((AdjustmentKind.Increase, 147_000L), (higher.Adjustments[^1].Kind, higher.MonthlyBenefitFen));
    }

    [Fact]
    public void A_household_no_longer_eligible_must_be_terminated_with_reasons()
    {
        var active = ActiveCase();
        Assert.Equal("no-longer-eligible", Assert.Throws<RuleViolated>(() => active.Recalculate(Clerk, Test(147_000), "", _calendar)).Rule);
        Assert.Equal("reasons", Assert.Single(Assert.Throws<ValidationFailed>(() => active.Terminate(Clerk, "", _calendar)).Violations).Field);

        var terminated = active.Terminate(Clerk, "家庭收入超过低保标准", _calendar);

        Assert.Equal((ApplicationStatus.Terminated, false, 0L), (terminated.Status, terminated.IsOpen, terminated.MonthlyBenefitFen));
        Assert.Equal((AdjustmentKind.Termination, 97_000L, 0L), (terminated.Adjustments[^1].Kind, terminated.Adjustments[^1].BenefitBeforeFen, terminated.Adjustments[^1].BenefitAfterFen));
        Assert.Contains("TERMINATED", Assert.Throws<RuleViolated>(() => terminated.Resume(Clerk, "", _calendar)).Message);
    }

    [Fact]
    public void A_suspension_needs_written_reasons_and_keeps_the_benefit_for_resumption()
    {
        Assert.Throws<ValidationFailed>(() => ActiveCase().Suspend(Clerk, " ", _calendar));
        var suspended = ActiveCase().Suspend(Clerk, "三次无正当理由拒绝介绍的工作", _calendar);
        Assert.Equal(ApplicationStatus.Suspended, suspended.Status);
        Assert.Contains("SUSPENDED", Assert.Throws<RuleViolated>(() => suspended.Suspend(Clerk, "again!", _calendar)).Message);

        var resumed = suspended.Resume(Clerk, "accepted the work", _calendar);
        Assert.Equal((ApplicationStatus.Active, 97_000L), (resumed.Status, resumed.MonthlyBenefitFen));
        Assert.Equal([AdjustmentKind.Suspension, AdjustmentKind.Resumption], resumed.Adjustments.Select(a => a.Kind));
    }

    [Fact]
    public void A_review_schedules_the_next_one_by_the_households_category()
    {
        var reviewed = ActiveCase().RecordReview(Clerk, Test(50_000), Household(WorkCapacity.None), "no change", _calendar);

        Assert.Equal((ReviewCategory.Yearly, new DateOnly(2028, 2, 1)), (reviewed.ReviewCategory, reviewed.NextReviewDue));
        Assert.Equal("reviewed", reviewed.History[^1].Action);
        var quarterly = ActiveCase().RecordReview(Clerk, Test(50_000), Household(WorkCapacity.Full), "no change", _calendar);
        Assert.Equal(new DateOnly(2027, 5, 1), quarterly.NextReviewDue);
        Assert.Contains("POSTED", Assert.Throws<RuleViolated>(() => (ActiveCase() with { Status = ApplicationStatus.Posted })
            .RecordReview(Clerk, Test(0), Household(WorkCapacity.None), "n", _calendar)).Message);
    }
}
