using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>Offices open days with time slots; anyone can see how many places are left.</summary>
public sealed class SlotCalendar(IMarriageCalendarStore store, OfficeClock clock)
{
    public const int MaxAvailabilityDays = 31;

    public async Task<CalendarDay> OpenDayAsync(string officeId, DateOnly date, bool appointmentOnly,
        IReadOnlyList<SlotSpecification> slots, CancellationToken cancellationToken)
    {
        if (date < clock.Today) throw new ValidationFailed("date", "must be today or later");
        var day = new CalendarDay(officeId, date, appointmentOnly, DayPlan.Slots(officeId, date, slots));
        if (!await store.OpenDayAsync(day, cancellationToken))
            throw new AlreadyExists("calendar-day", $"office {officeId} has already opened {Dates.Format(date)}");
        return day;
    }

    public async Task<IReadOnlyList<CalendarDay>> AvailabilityAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from) throw new ValidationFailed("to_date", "must not be before from_date");
        if (to.DayNumber - from.DayNumber >= MaxAvailabilityDays)
            throw new ValidationFailed("to_date", $"the range may cover at most {MaxAvailabilityDays} days");
        return await store.GetDaysAsync(officeId, from, to, cancellationToken);
    }
}
