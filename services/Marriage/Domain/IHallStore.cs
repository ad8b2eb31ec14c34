namespace CivilAffairs.Marriage.Domain;

/// <summary>The hall's queue tickets. Each change is atomic; a changed ticket names the version it read.</summary>
public abstract record CheckInOutcome
{
    public sealed record CheckedIn(QueueTicket Ticket) : CheckInOutcome;

    /// <summary>A person of the couple already holds <paramref name="Held"/> today.</summary>
    public sealed record AlreadyQueued(QueueTicket Held) : CheckInOutcome;
}

public interface IHallStore
{
    /// <summary>Gives the ticket the day's next number of its kind and saves it; for a booked couple also marks the
    /// appointment checked in. A booked couple already checked in gets their existing ticket back; a person who already
    /// holds another ticket of the day is not given a second (decided atomically).</summary>
    Task<CheckInOutcome> CheckInAsync(QueueTicket ticket, CancellationToken cancellationToken);

    Task<QueueTicket?> GetTicketAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>The ticket a window has called and not finished, if any.</summary>
    Task<QueueTicket?> GetCalledAsync(string officeId, DateOnly date, int window, CancellationToken cancellationToken);

    /// <summary>Atomically takes the first waiting ticket of the day in queue order and marks it called at the window.</summary>
    Task<QueueTicket?> CallNextAsync(string officeId, DateOnly date, int window, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Saves a changed ticket if nobody changed it since <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateTicketAsync(QueueTicket ticket, int expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueTicket>> GetTicketsAsync(string officeId, DateOnly date, CancellationToken cancellationToken);
}
