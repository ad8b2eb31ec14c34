using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>Offices open days with time slots, adjust them for peak days, close them; anyone can see places left.</summary>
public sealed class SlotCalendar(IMarriageCalendarStore store, IAppointmentStore appointments, Offices offices, OfficeClock clock)
{
    public const int MaxAvailabilityDays = 31;

    public async Task<CalendarDay> OpenDayAsync(string officeId, DateOnly date, bool appointmentOnly, int windows,
        IReadOnlyList<SlotSpecification> slots, CancellationToken cancellationToken)
    {
        if (date < clock.Today) throw new ValidationFailed("date", "must be today or later");
        if (windows is < 0 or > OfficeSettings.MaxWindows) throw new ValidationFailed("windows", $"must be between 0 and {OfficeSettings.MaxWindows}");
        var office = await offices.GetAsync(officeId, cancellationToken);
        var day = new CalendarDay(officeId, date, appointmentOnly, DayPlan.Slots(officeId, date, slots), windows == 0 ? office.Windows : windows);
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

    public Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken) => store.GetSlotAsync(slotId, cancellationToken);

    public async Task<CalendarDay> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        await store.GetDayAsync(officeId, date, cancellationToken)
        ?? throw new NotFound("calendar-day", $"{officeId}/{Dates.Format(date)}");

    /// <summary>Peak-day changes: more places in slots, extra slots, more windows, appointment-only on or off.</summary>
    public async Task<CalendarDay> AdjustDayAsync(string officeId, DateOnly date, IReadOnlyList<CapacityIncrease> increases,
        IReadOnlyList<SlotSpecification> extraSlots, int windows, bool? appointmentOnly, CancellationToken cancellationToken)
    {
        var day = await GetDayAsync(officeId, date, cancellationToken);
        if (day.Closed || date < clock.Today) throw new RuleViolated("day-closed", $"{Dates.Format(date)} is over and can no longer change");
        var validator = new Validator();
        for (var i = 0; i < increases.Count; i++)
        {
            validator.Require(day.Slots.Any(s => s.SlotId == increases[i].SlotId), $"capacity_changes[{i}].slot_id", "is not a slot of this day");
            validator.Require(increases[i].Additional is >= 1 and <= DayPlan.MaxCapacityPerSlot, $"capacity_changes[{i}].additional_capacity",
                $"must be between 1 and {DayPlan.MaxCapacityPerSlot}");
        }
        validator.Require(windows is >= 0 and <= OfficeSettings.MaxWindows, "windows", $"must be between 0 and {OfficeSettings.MaxWindows}");
        validator.Require(increases.Count > 0 || extraSlots.Count > 0 || windows > 0 || appointmentOnly is not null, "capacity_changes",
            "nothing to change: give capacity changes, extra slots, windows or appointment_only");
        validator.ThrowIfInvalid();
        var added = extraSlots.Count == 0 ? [] : DayPlan.Slots(officeId, date, extraSlots, day.Slots, "extra_slots");
        return await store.AdjustDayAsync(officeId, date, increases, added, windows == 0 ? null : windows, appointmentOnly, cancellationToken)
            ?? throw new NotFound("calendar-day", $"{officeId}/{Dates.Format(date)}");
    }

    /// <summary>End of the day: booked couples that never checked in are no-shows; their places were not resold.</summary>
    public async Task<int> CloseDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken)
    {
        var day = await GetDayAsync(officeId, date, cancellationToken);
        if (date >= clock.Today) throw new RuleViolated("day-not-over", $"{Dates.Format(date)} is not over yet; close it from the next day on");
        if (day.Closed) return 0;
        return await appointments.RecordNoShowsAsync(officeId, date, clock.Now, cancellationToken);
    }
}
