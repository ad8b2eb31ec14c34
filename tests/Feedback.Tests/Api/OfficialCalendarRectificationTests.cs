using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>
/// Rectifications due across the 2026 holidays, on the service's official calendar (the platform's one file, not a
/// list of feedback's own): a bad rating the Friday before the Spring Festival and one the Thursday before Mid-Autumn
/// (09-25..09-27) and National Day. The case is not overdue on its deadline, and the background watch escalates it
/// the day after, which is a worked Saturday in both cases.
/// </summary>
public sealed class OfficialCalendarRectificationTests
{
    [Fact]
    public Task A_rectification_opened_on_2026_02_13_is_due_on_02_27_and_escalated_on_the_worked_Saturday_02_28() =>
        DueAndEscalatedAsync(new DateOnly(2026, 2, 13), "2026-02-27");

    [Fact]
    public Task A_rectification_opened_on_2026_09_24_is_due_on_10_09_because_09_27_and_national_day_are_holidays() =>
        DueAndEscalatedAsync(new DateOnly(2026, 9, 24), "2026-10-09");

    private static async Task DueAndEscalatedAsync(DateOnly ratedOn, string deadline)
    {
        // 09:00 in Beijing on the day of the rating.
        using var host = FeedbackHost.StartingAt(new DateTimeOffset(ratedOn.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var client = host.Client();
        var rating = await client.InviteAndRateAsync(WindowType.ElderlyCare, $"holiday:{ratedOn}", RatingLevel.Dissatisfied);

        var opened = await client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = rating.RectificationCaseId });
        Assert.Equal((Dates(ratedOn), deadline), (opened.OpenedOn, opened.Deadline));

        // On the deadline day itself: not overdue, nothing to escalate.
        var due = DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture);
        host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - ratedOn.DayNumber));
        Assert.Empty((await client.ListOverdueRectificationsAsync(new ListOverdueRectificationsRequest())).Cases);
        Assert.False((await client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = opened.CaseId })).Overdue);

        // The next day: overdue, and the watch puts it on the supervisors' list once.
        host.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = await client.ListOverdueRectificationsAsync(new ListOverdueRectificationsRequest());
        Assert.Equal([opened.CaseId], overdue.Cases.Select(c => c.CaseId));
        RectificationCase history = opened;
        await Eventually.TrueAsync(async () =>
        {
            history = await client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = opened.CaseId });
            return history.Steps.Any(s => s.Action == CaseAction.Escalate);
        });
        Assert.Single(history.Steps, s => s.Action == CaseAction.Escalate);
        Assert.True(history.Overdue);
    }

    private static string Dates(DateOnly day) => CivilAffairs.SharedKernel.Dates.Format(day);
}
