using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Domain.Rules;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.SocialAssistance.Tests.Domain.Rules;

public class ThreeConsecutiveWorkRefusalsTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly LocalStandard Standard = new("110105", new DateOnly(2025, 7, 1), 147_000, 3_528_000);
    private static readonly StaffMember Clerk = new("clerk", "王受理", Window.SocialAssistance);
    private static readonly HouseholdMember Worker = new("王建国", ResidentIdNumber.Parse(IdNumbers.Man(40), "id"), Relation.Head, 50_000, WorkCapacity.Full);
    private static readonly HouseholdMember Wife = new("刘秀英", ResidentIdNumber.Parse(IdNumbers.Woman(38), "id"), Relation.Spouse, 0, WorkCapacity.Full);
    private readonly CaseCalendar _calendar = new(new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero)),
        WorkingDayCalendar.Official(), TimeSpan.FromHours(8));
    private readonly DibaoRules _rules = new();

    /// <summary>The couple's case: (2 x 1,470 - 500) yuan = 2,440 yuan a month, 1,220 yuan a member.</summary>
    private static DibaoApplication ActiveCase()
    {
        var test = MeansTest.Compute(Standard, [50_000, 0], 0, new DateOnly(2026, 11, 2));
        return new DibaoApplication
        {
            Id = "dba_1", HouseholdId = "hh_1", ApplicantKind = ApplicantKind.Household, Status = ApplicationStatus.Active,
            SubmittedAt = DateTimeOffset.UnixEpoch, MeansTest = test, MonthlyBenefitFen = test.MonthlyBenefitFen,
            BenefitStartMonth = new DateOnly(2026, 12, 1), Amounts = [new MonthlyAmount(new DateOnly(2026, 12, 1), test.MonthlyBenefitFen, 147_000, Standard.EffectiveFrom)],
        };
    }

    private DibaoApplication Refused(DibaoApplication application, HouseholdMember member, int index, string job) =>
        application.RecordWorkRefusal(Clerk, member, index, job, _calendar, [Standard], _rules);

    [Fact]
    public void A_workers_third_consecutive_refusal_cuts_only_his_share()
    {
        var twice = Refused(Refused(ActiveCase(), Worker, 0, "社区保洁岗位, 无正当理由拒绝"), Worker, 0, "超市理货岗位, 无正当理由拒绝");
        Assert.Equal((244_000L, 2, false), (twice.BenefitFor(Today), twice.MemberWork.Single().ConsecutiveRefusals, twice.MemberWork.Single().ShareCut));

        var third = Refused(twice, Worker, 0, "物业门卫岗位, 无正当理由拒绝");

        Assert.Equal(ApplicationStatus.Active, third.Status);
        Assert.Equal(122_000, third.BenefitFor(Today));
        Assert.Equal(244_000, third.BenefitFor(new DateOnly(2027, 1, 1))); // January keeps what it was
        var adjustment = Assert.Single(third.Adjustments);
        Assert.Equal((AdjustmentKind.Decrease, 244_000L, 122_000L), (adjustment.Kind, adjustment.BenefitBeforeFen, adjustment.BenefitAfterFen));
        Assert.Contains("members[0] 王*国 refused suitable work 3 times in a row", adjustment.Reasons);
        Assert.Contains("the other members keep theirs", adjustment.Reasons);
        Assert.DoesNotContain(Worker.IdNumber.Value, adjustment.Reasons);
    }

    [Fact]
    public void Refusals_are_counted_per_member_and_an_accepted_job_starts_the_count_again()
    {
        var application = Refused(Refused(ActiveCase(), Worker, 0, "保洁岗位, 拒绝"), Worker, 0, "理货岗位, 拒绝");
        application = Refused(application, Wife, 1, "收银岗位, 拒绝");
        application = application.RecordJobAccepted(Clerk, Worker, 0, "接受公益性岗位", _calendar, [Standard], _rules);
        application = Refused(Refused(application, Worker, 0, "门卫岗位, 拒绝"), Worker, 0, "快递分拣, 拒绝");
        application = Refused(application, Wife, 1, "餐厅服务员, 拒绝");

        // Two in a row for him since the job he took, two for her: nobody's share is cut.
        Assert.Equal(244_000, application.BenefitFor(Today));
        Assert.Equal([(Worker.Name, 2), (Wife.Name, 2)], application.MemberWork.OrderBy(w => w.Name == Wife.Name).Select(w => (w.Name, w.ConsecutiveRefusals)));
        Assert.Empty(application.Adjustments);
    }

    [Fact]
    public void A_local_rule_may_reduce_the_share_rather_than_stop_it_and_a_job_taken_gives_it_back()
    {
        var halfCut = _rules with { WorkRefusalShareCutPercent = 50 };
        var application = ActiveCase();
        for (var i = 0; i < 3; i++) application = application.RecordWorkRefusal(Clerk, Worker, 0, $"岗位 {i + 1}, 拒绝", _calendar, [Standard], halfCut);
        Assert.Equal(244_000 - 61_000, application.BenefitFor(Today));

        var back = application.RecordJobAccepted(Clerk, Worker, 0, "接受公益性岗位", _calendar, [Standard], halfCut);

        Assert.Equal(244_000, back.BenefitFor(Today));
        Assert.Equal(0, back.MembersCut);
    }

    [Fact]
    public void A_refusal_needs_written_reasons()
    {
        Assert.Equal("reasons", Assert.Single(Assert.Throws<ValidationFailed>(() => Refused(ActiveCase(), Worker, 0, "")).Violations).Field);
    }
}
