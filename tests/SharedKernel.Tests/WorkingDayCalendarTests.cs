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

/// <summary>The platform's one calendar, as the State Council published 2026 (DOMAIN.md).</summary>
public class OfficialCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official();

    [Fact]
    public void A_refusal_notice_due_three_working_days_after_friday_13_february_is_due_on_25_february()
    {
        // Saturday 14 February is worked; the Spring Festival runs 15 to 23 February.
        Assert.Equal(new DateOnly(2026, 2, 25), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 3));
    }

    [Fact]
    public void The_mid_autumn_sunday_is_a_holiday_and_the_sunday_before_is_worked()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 9, 27)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 9, 25)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void A_period_ending_on_national_day_ends_on_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 10, 8), Calendar.OnOrNextWorkingDay(new DateOnly(2026, 10, 2)));
        Assert.Equal(new DateOnly(2026, 9, 2), Calendar.OnOrNextWorkingDay(new DateOnly(2026, 9, 2)));
    }

    [Fact]
    public void Every_holiday_and_worked_day_of_2026_is_in_the_file()
    {
        var holidays = Enumerable.Range(0, 365).Select(d => new DateOnly(2026, 1, 1).AddDays(d))
            .Count(d => !Calendar.IsWorkingDay(d) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        // Holidays on weekdays: New Year 2, Spring Festival 6, Qingming 1, Labour Day 3, Dragon Boat 1, Mid-Autumn 1, National Day 5.
        Assert.Equal(19, holidays);
        Assert.Equal(6, Enumerable.Range(0, 365).Select(d => new DateOnly(2026, 1, 1).AddDays(d))
            .Count(d => Calendar.IsWorkingDay(d) && d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void A_year_not_announced_is_not_covered_until_configuration_adds_it()
    {
        Assert.True(Calendar.Covers(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.False(Calendar.Covers(new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 31)));
        var with2027 = WorkingDayCalendar.Official([OfficialYear.Parse(2027, ["2027-01-01..2027-01-03"], [], "WorkingDays:Years")]);
        Assert.True(with2027.Covers(new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 31)));
        Assert.False(with2027.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_mistyped_year_is_refused_rather_than_read_wrong()
    {
        Assert.Throws<FormatException>(() => OfficialYear.Parse(2027, ["2027-01-03..2027-01-01"], [], "WorkingDays:Years"));
        Assert.Throws<FormatException>(() => OfficialYear.Parse(2027, ["2028-01-01"], [], "WorkingDays:Years"));
        // 2027-01-04 is a Monday: not a weekend day that could be worked in exchange.
        Assert.Throws<FormatException>(() => OfficialYear.Parse(2027, [], ["2027-01-04"], "WorkingDays:Years"));
    }
}
