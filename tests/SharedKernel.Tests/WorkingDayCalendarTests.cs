using CivilAffairs.SharedKernel;

namespace CivilAffairs.SharedKernel.Tests;

public class WorkingDayCalendarTests
{
    [Fact]
    public void Weekends_and_holidays_do_not_count_and_worked_weekend_days_do()
    {
        // National Day week 2026: 1-7 Oct off, Sunday 27 Sep and Saturday 10 Oct worked in exchange.
        var holidays = Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d));
        var calendar = new WorkingDayCalendar(holidays, [new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 10)]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
        // From Wednesday 30 Sep, 3 working days: Thu 8, Fri 9, Sat 10 Oct (worked).
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(3, calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void Ten_working_days_from_a_friday_end_on_the_friday_two_weeks_later()
    {
        var calendar = new WorkingDayCalendar();
        Assert.Equal(new DateOnly(2026, 11, 20), calendar.AddWorkingDays(new DateOnly(2026, 11, 6), 10));
    }
}
