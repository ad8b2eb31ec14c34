using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class DibaoTransitionsTests
{
    // Monday 2 November 2026, on the official calendar (no holiday in November; the Spring Festival in February).
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly LocalStandard Standard = new("110105", new DateOnly(2025, 7, 1), 147_000, 3_528_000);
    private static readonly StaffMember Clerk = new("clerk", "王受理", Window.SocialAssistance);
    private static readonly StaffMember Caseworker = new("caseworker", "李救助", Window.SocialAssistance);
    private static readonly StaffMember Approver = new("approver", "张审核", Window.SocialAssistance);

    private readonly FakeTimeProvider _clock = new();
    private readonly CaseCalendar _calendar;
    private readonly DibaoRules _rules = new();

    public DibaoTransitionsTests()
    {
        _calendar = new CaseCalendar(_clock, WorkingDayCalendar.Official(), TimeSpan.FromHours(8));
        On(Monday);
    }

    private void On(DateOnly day) => _clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    private static Household Household(params HouseholdMember[] members) => new()
    {
        Id = "hh_1", CountyCode = "110105", Address = "a", RegisteredAt = DateTimeOffset.UnixEpoch,
        Members = members.Length > 0 ? members : [new HouseholdMember("王建国", ResidentIdNumber.Parse(IdNumbers.Man(50), "id"), Relation.Head, 50_000)],
    };

    private DibaoApplication Submitted() => new()
    {
        Id = "dba_1", HouseholdId = "hh_1", ApplicantKind = ApplicantKind.Household, Status = ApplicationStatus.Submitted,
        SubmittedAt = _clock.GetUtcNow(),
    };

    private DibaoApplication Investigated(long income = 50_000) => Submitted()
        .Accept(Clerk, _calendar, _rules)
        .AssignCaseworker(Caseworker, _calendar)
        .RecordInvestigation(Caseworker.Id, new HomeVisit(Monday, "visited", Caseworker.Id), MeansTest.Compute(Standard, [income], 0, Monday), _calendar);

    private DibaoApplication Posted() =>
        Investigated().RecordCommunityReview(new CommunityReview(Monday, 9, 7, 1, 1, Caseworker.Id), _calendar, _rules);

    private static string Refused(Action step, string rule)
    {
        var error = Assert.Throws<RuleViolated>(step);
        Assert.Equal(rule, error.Rule);
        return error.Message;
    }

    [Fact]
    public void A_skipped_transition_is_refused_naming_the_current_state()
    {
        var message = Refused(() => Submitted().RecordInvestigation(Caseworker.Id, new HomeVisit(Monday, "v", Caseworker.Id),
            MeansTest.Compute(Standard, [0], 0, Monday), _calendar), "illegal-transition");
        Assert.Contains("SUBMITTED", message);

        Assert.Contains("COMMUNITY_REVIEW", Refused(() => Investigated().Confirm(Approver, Household(), _calendar), "illegal-transition"));
    }

    [Fact]
    public void Each_step_appends_to_the_history_with_who_and_the_states()
    {
        var posted = Posted();

        Assert.Equal(["accepted", "caseworker-assigned", "investigated", "posted"], posted.History.Select(e => e.Action));
        Assert.Equal((ApplicationStatus.CommunityReview, ApplicationStatus.Posted, "caseworker"),
            (posted.History[^1].From, posted.History[^1].To, posted.History[^1].By));
        Assert.Equal(new PublicPosting(Monday, new DateOnly(2026, 11, 8), []).StartsOn, posted.Posting!.StartsOn);
        Assert.Equal(new DateOnly(2026, 11, 8), posted.Posting.EndsOn);
    }

    [Fact]
    public void Only_the_assigned_caseworker_records_the_investigation_and_the_review()
    {
        var investigating = Submitted().Accept(Clerk, _calendar, _rules).AssignCaseworker(Caseworker, _calendar);
        Refused(() => investigating.RecordInvestigation(Clerk.Id, new HomeVisit(Monday, "v", Clerk.Id), MeansTest.Compute(Standard, [0], 0, Monday), _calendar), "not-the-caseworker");
        Refused(() => Investigated().RecordCommunityReview(new CommunityReview(Monday, 9, 9, 0, 0, Clerk.Id), _calendar, _rules), "not-the-caseworker");
    }

    [Fact]
    public void An_ineligible_household_is_not_posted_and_a_failed_review_stays_in_review()
    {
        Refused(() => Investigated(income: 147_000).RecordCommunityReview(new CommunityReview(Monday, 9, 9, 0, 0, Caseworker.Id), _calendar, _rules), "not-eligible");

        var failed = Investigated().RecordCommunityReview(new CommunityReview(Monday, 10, 5, 5, 0, Caseworker.Id), _calendar, _rules);
        Assert.Equal(ApplicationStatus.CommunityReview, failed.Status);
        Assert.False(failed.CommunityReview!.Passed);
        Assert.Null(failed.Posting);
    }

    [Fact]
    public void Confirmation_waits_for_the_end_of_the_posting_and_is_not_made_by_the_caseworker()
    {
        var posted = Posted();
        On(new DateOnly(2026, 11, 8));
        Refused(() => posted.Confirm(Approver, Household(), _calendar), "posting-not-ended");
        On(new DateOnly(2026, 11, 9));
        Refused(() => posted.Confirm(Caseworker, Household(), _calendar), "four-eyes");

        var active = posted.Confirm(Approver, Household(), _calendar);

        Assert.Equal(ApplicationStatus.Active, active.Status);
        Assert.Equal(147_000 - 50_000, active.MonthlyBenefitFen);
        Assert.Equal(new DateOnly(2026, 12, 1), active.BenefitStartMonth);
    }

    [Fact]
    public void A_confirmation_after_the_tenth_working_day_is_flagged_overdue_and_still_made()
    {
        var posted = Posted();
        // Posting ends Sunday 8 Nov; the 10 working days skip the weekend: the 10th is Friday 20 Nov.
        Assert.Equal(new DateOnly(2026, 11, 20), posted.ConfirmBy);
        On(new DateOnly(2026, 11, 20));
        var inTime = posted.Confirm(Approver, Household(), _calendar);
        Assert.Equal((ApplicationStatus.Active, ""), (inTime.Status, inTime.History[^1].Note));

        On(new DateOnly(2026, 11, 24));
        Assert.True(posted.IsOverdueOn(_calendar.Today));
        var late = posted.Confirm(Approver, Household(), _calendar);

        // The office's delay is never the household's loss: confirmed, paid from December, the lateness on record.
        Assert.Equal((ApplicationStatus.Active, new DateOnly(2026, 12, 1), 97_000L), (late.Status, late.BenefitStartMonth, late.MonthlyBenefitFen));
        Assert.Equal("confirmed 2 working day(s) after it was due on 2026-11-20", late.History[^1].Note);
        Assert.False(late.IsOverdueOn(_calendar.Today));
    }

    [Fact]
    public void An_extension_with_a_reason_allows_a_later_confirmation_once()
    {
        var posted = Posted();
        Assert.Throws<ValidationFailed>(() => posted.ExtendTimeLimit(Clerk, " ", _calendar, _rules));
        var extended = posted.ExtendTimeLimit(Clerk, "income records from another county are awaited", _calendar, _rules);
        Refused(() => extended.ExtendTimeLimit(Clerk, "again", _calendar, _rules), "already-extended");

        // Accepted Monday 2 Nov; 40 working days later is Monday 28 Dec.
        Assert.Equal(new DateOnly(2026, 12, 28), extended.OverallDue);
        On(new DateOnly(2026, 11, 24));
        Assert.Equal(ApplicationStatus.Active, extended.Confirm(Approver, Household(), _calendar).Status);
    }

    [Fact]
    public void Objections_are_taken_during_the_posting_and_must_be_resolved_before_confirmation()
    {
        var objected = Posted().LodgeObjection("他家有车", _calendar);
        var objection = Assert.Single(objected.Posting!.Objections);
        On(new DateOnly(2026, 11, 9));
        Refused(() => objected.LodgeObjection("late", _calendar), "posting-closed");
        Refused(() => objected.Confirm(Approver, Household(), _calendar), "objection-unresolved");

        var dismissed = objected.ResolveObjection(objection.Id, Clerk, "the car belongs to a neighbour", upheld: false, _calendar);
        Refused(() => dismissed.ResolveObjection(objection.Id, Clerk, "again", false, _calendar), "objection-already-resolved");
        Assert.Equal(ApplicationStatus.Active, dismissed.Confirm(Approver, Household(), _calendar).Status);

        var upheld = objected.ResolveObjection(objection.Id, Clerk, "the household owns a car", upheld: true, _calendar);
        Refused(() => upheld.Confirm(Approver, Household(), _calendar), "objection-upheld");
        Assert.Throws<NotFound>(() => objected.ResolveObjection("obj_missing", Clerk, "x", false, _calendar));
    }

    [Fact]
    public void A_refusal_needs_written_reasons_and_is_due_for_notice_within_three_working_days()
    {
        var posted = Posted();
        Assert.Throws<ValidationFailed>(() => posted.Refuse(Clerk, "", _calendar, _rules));
        On(new DateOnly(2026, 11, 6)); // Friday
        var refused = posted.Refuse(Clerk, "an objection showed a second home", _calendar, _rules);

        Assert.Equal(ApplicationStatus.Refused, refused.Status);
        Assert.False(refused.IsOpen);
        Assert.Equal(new DateOnly(2026, 11, 11), refused.Refusal!.NotifyBy); // Mon, Tue, Wed
        Assert.True(refused.IsOverdueOn(new DateOnly(2026, 11, 12)));
        var notified = refused.RecordRefusalNotified(Clerk, _calendar);
        Assert.False(notified.IsOverdueOn(new DateOnly(2026, 11, 12)));
        Assert.Contains("REFUSED", Refused(() => refused.Withdraw("", _calendar), "illegal-transition"));
    }

    [Fact]
    public void The_overall_limit_runs_from_acceptance_in_working_days()
    {
        var accepted = Submitted().Accept(Clerk, _calendar, _rules);

        Assert.Equal(new DateOnly(2026, 12, 7), accepted.OverallDue); // 25 working days
        Assert.False(accepted.IsOverdueOn(new DateOnly(2026, 12, 7)));
        Assert.True(accepted.IsOverdueOn(new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void The_refusal_notice_of_Friday_13_February_2026_is_due_on_25_February_after_the_Spring_Festival()
    {
        var friday = new CaseCalendar(new FakeTimeProvider(new DateTimeOffset(2026, 2, 13, 1, 0, 0, TimeSpan.Zero)), WorkingDayCalendar.Official(),
            TimeSpan.FromHours(8));

        var refused = Submitted().Refuse(Clerk, "家庭存款超过当地标准", friday, _rules);

        // Saturday 14 February is worked (调休), 15-23 February is the Spring Festival: the 3rd working day is the 25th.
        Assert.Equal(new DateOnly(2026, 2, 25), refused.Refusal!.NotifyBy);
        Assert.False(refused.IsOverdueOn(new DateOnly(2026, 2, 25)));
        Assert.True(refused.IsOverdueOn(new DateOnly(2026, 2, 26)));
    }

    [Fact]
    public void The_review_interval_follows_the_household()
    {
        HouseholdMember Member(WorkCapacity capacity, HealthCondition health) =>
            new("甲", ResidentIdNumber.Parse(IdNumbers.Man(60), "id"), Relation.Head, 0, capacity, health);

        Assert.Equal(ReviewCategory.Quarterly, ReviewCategories.Of(Household(Member(WorkCapacity.Full, HealthCondition.Healthy))));
        Assert.Equal(ReviewCategory.SixMonthly, ReviewCategories.Of(Household(Member(WorkCapacity.None, HealthCondition.SeriousIllness))));
        Assert.Equal(ReviewCategory.Yearly, ReviewCategories.Of(Household(Member(WorkCapacity.None, HealthCondition.Healthy))));
    }
}
