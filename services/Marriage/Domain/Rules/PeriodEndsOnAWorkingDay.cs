using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain.Rules;

/// <summary>
/// Deadline days (MCA practice under Civil Code art. 201-203): a period of <c>days</c> calendar days counted from the day
/// after <c>start</c>; when its last day falls on a weekend or public holiday of the official calendar, it ends on the next
/// working day.
/// </summary>
public sealed class PeriodEndsOnAWorkingDay(WorkingDayCalendar calendar)
{
    public DateOnly LastDayOf(DateOnly start, int days) => calendar.OnOrNextWorkingDay(start.AddDays(days));
}
