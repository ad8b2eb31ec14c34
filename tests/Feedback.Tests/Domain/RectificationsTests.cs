using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage.Sqlite;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class RectificationsTests : SqliteDomainTest
{
    private readonly FeedbackRules _rules = new();
    private SqliteRatingStore _ratings = null!;
    private Rectifications _rectifications = null!;

    protected override void Start(SqliteDatabase database)
    {
        _ratings = new SqliteRatingStore(database);
        _rectifications = new Rectifications(new SqliteRectificationStore(database), Clock, _rules, IFeedbackObserver.None);
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
    public async Task Nobody_can_ask_for_the_system_steps()
    {
        var opened = await OpenAsync("system");

        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _rectifications.RecordStepAsync(
            new RecordStepCommand(opened.Id, (int)CaseAction.Escalate, "clerk", "escalate it", false)));

        Assert.Equal("action", error.Violations.Single().Field);
    }
}
