using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class RectificationCaseTests
{
    // Monday 2 November 2026; 4 November is configured as a holiday.
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateTimeOffset At = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    private static readonly FeedbackRules Rules = new()
    {
        DefaultDeadline = new RectificationDeadline(5, 15),
        DeadlinesByWindow = new Dictionary<Window, RectificationDeadline> { [Window.MarriageRegistration] = new(2, 10) },
        Calendar = new WorkingDayCalendar([new DateOnly(2026, 11, 4)]),
    };

    private static RectificationCase Open(Window window = Window.ElderlyCare) => RectificationCase.OpenFor(
        new Rating("r-1", window, "staff-1", "svc-1", RatingLevel.Dissatisfied, "太慢", RatingChannel.Web, At, Monday), Rules);

    private static void Step(RectificationCase c, CaseAction action, bool satisfied = false, int day = 0, string? by = null) =>
        c.Apply(action, by ?? (action is CaseAction.UpholdAppeal or CaseAction.RejectAppeal ? "supervisor-1" : "clerk-1"), "note", satisfied,
            At.AddDays(day), Monday.AddDays(day), Rules);

    [Fact]
    public void A_case_opens_with_the_window_deadline_in_working_days_skipping_weekends_and_holidays()
    {
        var elderly = Open();
        var marriage = Open(Window.MarriageRegistration);

        // 5 working days after Mon 2 Nov, without Wed 4 Nov: 3, 5, 6, 9, 10.
        Assert.Equal(new DateOnly(2026, 11, 10), elderly.Deadline);
        Assert.Equal(new DateOnly(2026, 11, 5), marriage.Deadline);
        Assert.Equal(CaseStage.Open, elderly.Stage);
        Assert.Equal(CaseAction.Open, elderly.Steps.Single().Action);
    }

    [Fact]
    public void The_clear_path_verify_fix_reply_call_back_closes_on_time_and_keeps_every_step()
    {
        var c = Open();

        Step(c, CaseAction.Verify);
        Step(c, CaseAction.FixNow);
        Step(c, CaseAction.Reply, day: 1);
        Step(c, CaseAction.CallBack, satisfied: true, day: 2);

        Assert.Equal(CaseStage.Closed, c.Stage);
        Assert.Equal(CaseOutcome.Resolved, c.Outcome);
        Assert.Equal(Monday.AddDays(2), c.ClosedOn);
        Assert.True(c.ClosedOnTime);
        Assert.Equal([CaseAction.Open, CaseAction.Verify, CaseAction.FixNow, CaseAction.Reply, CaseAction.CallBack], c.Steps.Select(s => s.Action));
        Assert.Equal([1, 2, 3, 4, 5], c.Steps.Select(s => s.Number));
        Assert.Equal(5, c.Version);
    }

    [Fact]
    public void Tracking_a_complex_complaint_moves_the_deadline_to_the_complex_one()
    {
        var c = Open();
        Step(c, CaseAction.Verify);

        Step(c, CaseAction.Track);

        Assert.Equal(CaseStage.InProgress, c.Stage);
        Assert.Equal(Rules.Calendar.AddWorkingDays(Monday, 15), c.Deadline);
    }

    [Fact]
    public void A_complaint_without_legal_basis_is_explained_then_replied()
    {
        var c = Open();
        Step(c, CaseAction.Verify);
        Step(c, CaseAction.Explain);
        Step(c, CaseAction.Reply);
        Step(c, CaseAction.CallBack, satisfied: false);

        Assert.Equal(CaseOutcome.Unresolved, c.Outcome);
    }

    [Fact]
    public void A_step_out_of_order_is_refused_with_its_rule_and_changes_nothing()
    {
        var c = Open();

        var error = Assert.Throws<RuleViolated>(() => Step(c, CaseAction.Reply));

        Assert.Equal("case-step-out-of-order", error.Rule);
        Assert.Contains("waiting to be verified", error.Message);
        Assert.Single(c.Steps);
        Assert.Equal(CaseStage.Open, c.Stage);
    }

    [Fact]
    public void A_rejected_appeal_returns_the_case_to_where_it_was()
    {
        var c = Open();
        Step(c, CaseAction.Verify);
        Step(c, CaseAction.Appeal);

        Step(c, CaseAction.RejectAppeal);

        Assert.Equal(CaseStage.Verified, c.Stage);
        Assert.Null(c.StageBeforeAppeal);
    }

    [Fact]
    public void An_upheld_appeal_closes_the_case_with_the_rating_voided()
    {
        var c = Open();
        Step(c, CaseAction.Appeal);

        Step(c, CaseAction.UpholdAppeal);

        Assert.Equal(CaseStage.Closed, c.Stage);
        Assert.Equal(CaseOutcome.RatingVoided, c.Outcome);
        Assert.Throws<RuleViolated>(() => Step(c, CaseAction.Appeal));
    }

    [Fact]
    public void An_open_case_is_overdue_only_after_its_deadline_day()
    {
        var c = Open();

        Assert.False(c.IsOverdue(c.Deadline));
        Assert.True(c.IsOverdue(c.Deadline.AddDays(1)));
        Assert.Null(c.ClosedOnTime);
    }

    [Fact]
    public void Escalation_happens_once_only_past_the_deadline_and_leaves_the_stage_alone()
    {
        var c = Open();
        Step(c, CaseAction.Verify);
        var pastDeadline = c.Deadline.DayNumber - Monday.DayNumber + 1;

        Assert.Throws<RuleViolated>(() => Step(c, CaseAction.Escalate));
        Step(c, CaseAction.Escalate, day: pastDeadline);
        Assert.Throws<RuleViolated>(() => Step(c, CaseAction.Escalate, day: pastDeadline + 1));

        Assert.True(c.Escalated);
        Assert.Equal(CaseStage.Verified, c.Stage);
        Assert.Equal(CaseAction.Escalate, c.Steps[^1].Action);
    }
}
