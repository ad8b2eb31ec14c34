using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

/// <summary>Rectification deadlines on the platform's official 2026 calendar (DOMAIN.md): the Spring Festival
/// (02-15..02-23, with Saturday 02-14 worked) and Mid-Autumn (09-25..09-27) with National Day (10-01..10-07, Saturday
/// 10-10 worked).</summary>
public sealed class OfficialCalendarDeadlineTests
{
    private static readonly FeedbackRules Rules = new() { Calendar = WorkingDayCalendar.Official(), DefaultDeadline = new(5, 15) };

    private static RectificationCase OpenedOn(DateOnly day) => RectificationCase.OpenFor(
        new Rating("r-1", Window.ElderlyCare, "staff-1", "svc-1", RatingLevel.Dissatisfied, null, RatingChannel.Web,
            new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero), day), Rules);

    [Fact]
    public void A_case_opened_the_Friday_before_the_Spring_Festival_is_due_after_it_counting_the_Saturday_worked()
    {
        var c = OpenedOn(new DateOnly(2026, 2, 13));

        // 02-14 (worked Saturday), then 02-24, 25, 26, 27.
        Assert.Equal(new DateOnly(2026, 2, 27), c.Deadline);
        Assert.False(c.IsOverdue(new DateOnly(2026, 2, 27)));
        Assert.True(c.IsOverdue(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void A_case_opened_before_Mid_Autumn_counts_neither_2026_09_27_nor_National_Day()
    {
        var c = OpenedOn(new DateOnly(2026, 9, 24));

        // 09-28, 29, 30, then 10-08, 09: 09-25..27 and 10-01..07 are holidays.
        Assert.Equal(new DateOnly(2026, 10, 9), c.Deadline);
        Assert.False(Rules.Calendar.IsWorkingDay(new DateOnly(2026, 9, 27)));
    }

    [Fact]
    public void Tracking_a_complex_complaint_across_the_Spring_Festival_moves_the_deadline_by_working_days()
    {
        var c = OpenedOn(new DateOnly(2026, 2, 13));
        c.Apply(CaseAction.Verify, "clerk", "called", false, c.OpenedAt, c.OpenedOn, Rules);

        c.Apply(CaseAction.Track, "clerk", "needs the archive", false, c.OpenedAt, c.OpenedOn, Rules);

        // 02-14, 02-24..27 (5), Saturday 02-28 worked (6), 03-02..06 (11), 03-09..12 (15).
        Assert.Equal(new DateOnly(2026, 3, 12), c.Deadline);
    }
}
