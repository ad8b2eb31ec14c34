namespace CivilAffairs.Marriage.Domain;

public enum AppointmentStatus { Booked = 1, Cancelled = 2, CheckedIn = 3, Served = 4, NoShow = 5 }

/// <summary>A couple's booking of a slot. Cancelling or rescheduling frees the place; the record and its history stay.</summary>
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
    string? CancelReason,
    IReadOnlyList<string>? History = null)
{
    /// <summary>Holds a place and blocks its two persons from booking elsewhere.</summary>
    public bool IsActive => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn;

    public IEnumerable<Party> Parties => [FirstParty, SecondParty];

    public IReadOnlyList<string> Events => History ?? [];

    public Appointment Noting(DateTimeOffset at, string what) =>
        this with { History = [.. Events, $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {what}"] };

    /// <summary>True when these two ID numbers are this couple's, in either order.</summary>
    public bool IsCouple(string firstIdNumber, string secondIdNumber)
    {
        var mine = new[] { FirstParty.IdNumber.Value, SecondParty.IdNumber.Value };
        return mine.Contains(firstIdNumber) && mine.Contains(secondIdNumber) && firstIdNumber != secondIdNumber;
    }
}
