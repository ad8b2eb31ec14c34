namespace CivilAffairs.Marriage.Domain;

/// <summary>What the store did with a booking, decided atomically with the capacity and per-person checks.</summary>
public abstract record BookingOutcome
{
    public sealed record Booked(Appointment Appointment) : BookingOutcome;

    public sealed record SlotFull : BookingOutcome;

    /// <summary>A party (1 or 2) already holds an active appointment (<paramref name="Date"/>; with <paramref name="SamePartner"/> or not).</summary>
    public sealed record PartyAlreadyBooked(int PartyNumber, DateOnly Date, bool SamePartner) : BookingOutcome;
}

public abstract record CancellationOutcome
{
    public sealed record Cancelled(Appointment Appointment) : CancellationOutcome;
    public sealed record NotActive(Appointment Appointment) : CancellationOutcome;
    public sealed record NotFound : CancellationOutcome;
}

public abstract record RescheduleOutcome
{
    public sealed record Moved(Appointment Appointment) : RescheduleOutcome;
    public sealed record SlotFull : RescheduleOutcome;
    public sealed record NotActive(Appointment Appointment) : RescheduleOutcome;
    public sealed record NotFound : RescheduleOutcome;
}
