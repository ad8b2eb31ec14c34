namespace CivilAffairs.Marriage.Domain;

/// <summary>Opened days and their slots with live counts. Each change is atomic.</summary>
public interface IMarriageCalendarStore
{
    /// <summary>Saves a new day with its slots; false when that office already opened that date.</summary>
    Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken);

    /// <summary>The opened days of an office from <paramref name="from"/> to <paramref name="to"/> inclusive, by date.</summary>
    Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task<CalendarDay?> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken);

    Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken);

    /// <summary>Adds places and slots and changes the day's windows or appointment-only flag in one step.</summary>
    Task<CalendarDay?> AdjustDayAsync(string officeId, DateOnly date, IReadOnlyList<CapacityIncrease> increases,
        IReadOnlyList<Slot> extraSlots, int? windows, bool? appointmentOnly, CancellationToken cancellationToken);

    /// <summary>Days of any office before <paramref name="date"/> that were not closed yet.</summary>
    Task<IReadOnlyList<(string OfficeId, DateOnly Date)>> GetUnclosedDaysBeforeAsync(DateOnly date, CancellationToken cancellationToken);
}
