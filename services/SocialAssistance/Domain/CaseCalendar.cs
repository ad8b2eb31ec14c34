using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>"Today" at the bureau (its own UTC offset, China Standard Time by default) and its working days.</summary>
public sealed class CaseCalendar(TimeProvider clock, WorkingDayCalendar workingDays, TimeSpan utcOffset)
{
    public WorkingDayCalendar WorkingDays { get; } = workingDays;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(utcOffset).DateTime);
}
