namespace CivilAffairs.SharedKernel;

/// <summary>
/// Working days for deadlines (10 working days to confirm, 5 or 15 to rectify, day 30 of a divorce period...): Monday to
/// Friday, less the public holidays, plus the weekend days officially worked in exchange (调休), for the years the State
/// Council has announced. A year not announced is not invented: its days count Monday to Friday, and
/// <see cref="Covers"/> says so, so a service can tell its operators (readiness) instead of guessing silently.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workedWeekendDays;
    private readonly SortedSet<int> _years;

    /// <param name="announcedYears">The years these lists are complete for; null: every year (a calendar made by hand, in tests).</param>
    public WorkingDayCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? workedWeekendDays = null,
        IEnumerable<int>? announcedYears = null)
    {
        _holidays = [.. holidays ?? []];
        _workedWeekendDays = [.. workedWeekendDays ?? []];
        _years = announcedYears is null ? [] : [.. announcedYears];
        AnnouncedYears = announcedYears is null ? null : [.. _years];
    }

    /// <summary>The platform's calendar: the repository's official file plus the years configuration adds.</summary>
    public static WorkingDayCalendar Official(IEnumerable<OfficialYear>? addedYears = null)
    {
        var years = OfficialCalendarFile.Load().ToDictionary(y => y.Year);
        foreach (var added in addedYears ?? []) years[added.Year] = added;
        return new WorkingDayCalendar(years.Values.SelectMany(y => y.Holidays), years.Values.SelectMany(y => y.WorkedWeekendDays), years.Keys);
    }

    /// <summary>From configuration lists of "YYYY-MM-DD" strings; superseded by <see cref="Official"/>, kept until every
    /// service reads the official calendar.</summary>
    public static WorkingDayCalendar FromStrings(IEnumerable<string>? holidays, IEnumerable<string>? workedWeekendDays) =>
        new((holidays ?? []).Select(d => Dates.ParseDate(d, "WorkingDays:Holidays")),
            (workedWeekendDays ?? []).Select(d => Dates.ParseDate(d, "WorkingDays:WorkedWeekendDays")));

    /// <summary>The years this calendar knows; null when it was made by hand for every year.</summary>
    public IReadOnlyList<int>? AnnouncedYears { get; }

    /// <summary>Whether every day from <paramref name="from"/> to <paramref name="to"/> lies in an announced year.</summary>
    public bool Covers(DateOnly from, DateOnly to) =>
        AnnouncedYears is null || Enumerable.Range(from.Year, to.Year - from.Year + 1).All(_years.Contains);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date)) return false;
        if (_workedWeekendDays.Contains(date)) return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The date itself when it is a working day, else the next working day (a period ending on a holiday).</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var left = workingDays;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; 0 when end is not later.</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }
}
