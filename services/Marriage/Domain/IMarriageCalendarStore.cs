namespace CivilAffairs.Marriage.Domain;

/// <summary>The store's side of the office calendars: opened days and their slots with live counts.</summary>
public interface IMarriageCalendarStore
{
    /// <summary>Saves a new day with its slots; false when that office already opened that date.</summary>
    Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken);

    /// <summary>The opened days of an office from <paramref name="from"/> to <paramref name="to"/> inclusive, by date.</summary>
    Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken);
}
