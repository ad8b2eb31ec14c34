namespace CivilAffairs.Marriage.Domain;

/// <summary>Appointments. A booking takes a place only if one is left and neither person already holds an active
/// appointment (from <c>today</c> on), and saves the appointment in the same atomic step.</summary>
public interface IAppointmentStore
{
    Task<BookingOutcome> BookAsync(Appointment appointment, DateOnly today, CancellationToken cancellationToken);

    Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken);

    /// <summary>Marks an active, not yet checked-in appointment cancelled and gives its place back, once.</summary>
    Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken);

    /// <summary>Takes a place in <paramref name="newSlot"/> and frees the old one, or changes nothing.</summary>
    Task<RescheduleOutcome> RescheduleAsync(string appointmentId, Slot newSlot, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every still-booked appointment of the day becomes a no-show, its persons free to book again; the day is closed.</summary>
    Task<int> RecordNoShowsAsync(string officeId, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The appointments of an office's day, counted by status.</summary>
    Task<IReadOnlyDictionary<AppointmentStatus, int>> CountDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken);
}
