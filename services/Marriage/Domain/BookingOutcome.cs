namespace CivilAffairs.Marriage.Domain;

/// <summary>What the store did with a booking, decided atomically with the capacity and per-person checks.</summary>
public abstract record BookingOutcome
{
    public sealed record Booked(Appointment Appointment) : BookingOutcome;

    /// <summary>A retry with a key already used for the same request: the first appointment, unchanged.</summary>
    public sealed record Replayed(Appointment Appointment) : BookingOutcome;

    public sealed record SlotFull : BookingOutcome;

    /// <summary>A party (1 or 2) already holds an active appointment that day.</summary>
    public sealed record PartyAlreadyBooked(int PartyNumber) : BookingOutcome;

    public sealed record KeyReusedForAnotherRequest : BookingOutcome;
}

public abstract record CancellationOutcome
{
    public sealed record Cancelled(Appointment Appointment) : CancellationOutcome;
    public sealed record AlreadyCancelled(Appointment Appointment) : CancellationOutcome;
    public sealed record NotFound : CancellationOutcome;
}
