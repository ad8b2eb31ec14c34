namespace CivilAffairs.Marriage.Domain;

/// <summary>The store's side of appointments. Each write is atomic: a booking takes a place only if one is left and
/// neither party already holds an active appointment that day, and saves the appointment in the same transaction.</summary>
public interface IAppointmentStore
{
    Task<BookingOutcome> BookAsync(Appointment appointment, IdempotencyStamp? idempotency, CancellationToken cancellationToken);

    Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken);

    /// <summary>Marks the appointment cancelled and gives its place back, once.</summary>
    Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken);
}
