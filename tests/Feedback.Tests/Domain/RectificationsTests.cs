using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Integration;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;
using CivilAffairs.StaffConduct.V1;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class RectificationsTests : SqliteDomainTest
{
    private readonly FeedbackRules _rules = new();
    private RatingStore _ratings = null!;
    private Rectifications _rectifications = null!;

    protected override void Start(IDocumentStore store)
    {
        _ratings = new RatingStore(store);
        _rectifications = new Rectifications(new RectificationStore(store), Clock, _rules, IFeedbackObserver.None, new PlatformEvents(Time));
    }

    private async Task<RectificationCase> OpenAsync(string reference)
    {
        var now = Clock.Now;
        var rating = new Rating("r-" + reference, Window.ElderlyCare, "staff-1", reference, RatingLevel.Dissatisfied, null,
            RatingChannel.Web, now, Clock.DayOf(now));
        var opened = RectificationCase.OpenFor(rating, _rules);
        await _ratings.AddAsync(rating, opened);
        return opened;
    }

    [Fact]
    public async Task Overdue_cases_are_escalated_once_as_a_step_of_their_history()
    {
        var late = await OpenAsync("late");
        Time.Advance(TimeSpan.FromDays(8));
        var onTime = await OpenAsync("on-time");

        var first = await _rectifications.EscalateOverdueAsync();
        var second = await _rectifications.EscalateOverdueAsync();

        Assert.Equal([late.Id], first.Select(c => c.Id));
        Assert.Equal([late.Id], second.Select(c => c.Id));
        var escalated = await _rectifications.GetAsync(late.Id);
        Assert.Single(escalated.Steps, s => s.Action == CaseAction.Escalate);
        Assert.Equal(RectificationCase.SystemActor, escalated.Steps[^1].HandledBy);
        Assert.DoesNotContain((await _rectifications.GetAsync(onTime.Id)).Steps, s => s.Action == CaseAction.Escalate);
    }

    [Fact]
    public async Task Only_the_step_that_closes_a_case_tells_staff_conduct_how_it_ended()
    {
        var opened = await OpenAsync("closing");
        var steps = new[] { CaseAction.Verify, CaseAction.FixNow, CaseAction.Reply };
        foreach (var action in steps)
            await _rectifications.RecordStepAsync(new RecordStepCommand(opened.Id, (int)action, "clerk-1", $"{action} done", false));
        Assert.Empty(await Outbox.PendingAsync(10, CancellationToken.None));

        await _rectifications.RecordStepAsync(new RecordStepCommand(opened.Id, (int)CaseAction.CallBack, "clerk-1", "settled", true));

        var sent = Assert.Single(await Outbox.PendingAsync(10, CancellationToken.None)).Message;
        Assert.Equal(("staff-conduct", "/civilaffairs.staffconduct.v1.StaffConduct/RecordRectificationClosed", opened.RatingId),
            (sent.Target, sent.Method, sent.AggregateId));
        var request = RecordRectificationClosedRequest.Parser.ParseFrom(sent.Payload);
        Assert.Equal((opened.Id, "staff-1", opened.RatingId, true, Feedback.V1.CaseOutcome.Resolved, "2026-11-02"),
            (request.CaseId, request.StaffId, request.RatingId, request.OnTime, request.Outcome, request.ClosedOn));
    }

    [Fact]
    public async Task Nobody_can_ask_for_the_system_steps()
    {
        var opened = await OpenAsync("system");

        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _rectifications.RecordStepAsync(
            new RecordStepCommand(opened.Id, (int)CaseAction.Escalate, "clerk", "escalate it", false)));

        Assert.Equal("action", error.Violations.Single().Field);
    }
}
