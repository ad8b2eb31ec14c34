namespace CivilAffairs.Marriage.Domain;

public enum AppointmentStatus { Booked = 1, Cancelled = 2 }

/// <summary>A couple's booking of a slot. Cancelling frees the place; the record itself is kept.</summary>
public sealed record Appointment(
    string AppointmentId,
    string OfficeId,
    DateOnly Date,
    string SlotId,
    TimeOnly Start,
    TimeOnly End,
    Party FirstParty,
    Party SecondParty,
    AppointmentStatus Status,
    DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason)
{
    public bool IsActive => Status == AppointmentStatus.Booked;

    public IEnumerable<Party> Parties => [FirstParty, SecondParty];
}
