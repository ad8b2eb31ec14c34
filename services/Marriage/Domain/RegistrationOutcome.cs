namespace CivilAffairs.Marriage.Domain;

/// <summary>What the archive did with a registration, decided atomically with the one-standing-marriage rule.</summary>
public abstract record RegistrationOutcome
{
    public sealed record Registered(MarriageRecord Record) : RegistrationOutcome;
    public sealed record PartyAlreadyMarried(int PartyNumber) : RegistrationOutcome;
    public sealed record TicketChanged : RegistrationOutcome;
}
