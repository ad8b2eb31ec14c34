namespace CivilAffairs.Marriage.Domain;

public enum TicketKind { Appointment = 1, WalkIn = 2 }

public enum TicketStatus { Waiting = 1, Called = 2, Skipped = 3, Done = 4 }

/// <summary>
/// A couple's place in the hall's queue for the day. Queue order: recalled tickets first, then booked couples, then
/// walk-ins, each in the order they joined (<see cref="QueuedAt"/>).
/// </summary>
public sealed record QueueTicket(
    string TicketId,
    string OfficeId,
    DateOnly Date,
    string Number,
    TicketKind Kind,
    string? AppointmentId,
    Party FirstParty,
    Party SecondParty,
    TicketStatus Status,
    int Rank,
    DateTimeOffset QueuedAt,
    DateTimeOffset CheckedInAt,
    DateTimeOffset? CalledAt,
    int? WindowNumber,
    DateTimeOffset? CompletedAt,
    int Version)
{
    public const int RecalledRank = 0;
    public static int RankOf(TicketKind kind) => kind == TicketKind.Appointment ? 1 : 2;

    public string NumberPrefix => Kind == TicketKind.Appointment ? "A" : "W";

    public TimeSpan? Wait => CompletedAt is { } done ? done - CheckedInAt : null;

    public bool HasParty(string idNumber) => FirstParty.IdNumber.Value == idNumber || SecondParty.IdNumber.Value == idNumber;

    public bool IsCouple(string firstIdNumber, string secondIdNumber)
    {
        var mine = new[] { FirstParty.IdNumber.Value, SecondParty.IdNumber.Value };
        return mine.Contains(firstIdNumber) && mine.Contains(secondIdNumber) && firstIdNumber != secondIdNumber;
    }
}
