namespace CivilAffairs.SharedKernel;

/// <summary>
/// Working days for deadlines (10 working days to confirm, 5 or 15 to rectify...): Monday to Friday, less the
/// configured public holidays, plus the weekend days officially worked in exchange (调休).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workedWeekendDays;

    public WorkingDayCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? workedWeekendDays = null)
    {
        _holidays = [.. holidays ?? []];
        _workedWeekendDays = [.. workedWeekendDays ?? []];
    }

    /// <summary>From configuration lists of "YYYY-MM-DD" strings (for example <c>WorkingDays:Holidays</c>).</summary>
    public static WorkingDayCalendar FromStrings(IEnumerable<string>? holidays, IEnumerable<string>? workedWeekendDays) =>
        new((holidays ?? []).Select(d => Dates.ParseDate(d, "WorkingDays:Holidays")),
            (workedWeekendDays ?? []).Select(d => Dates.ParseDate(d, "WorkingDays:WorkedWeekendDays")));

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date)) return false;
        if (_workedWeekendDays.Contains(date)) return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
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
