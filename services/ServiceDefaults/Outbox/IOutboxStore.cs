using CivilAffairs.SharedKernel;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>An outbox message as the relay sees it: the record and the version a change of it must name.</summary>
public sealed record OutboxEntry(OutboxRecord Record, long Version)
{
    public OutboxMessage Message => Record.Message;
    public int Attempts => Record.Attempts;
    public DateTimeOffset NextAttemptAt => Record.NextAttemptAt;
}

/// <summary>The producer's outbox, read and updated by the relay and by operators.</summary>
public interface IOutboxStore
{
    /// <summary>Pending messages, at most <paramref name="perTarget"/> for each consumer, each consumer's in the order
    /// they were written: one consumer's backlog never hides another's.</summary>
    Task<IReadOnlyList<OutboxEntry>> PendingAsync(int perTarget, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(OutboxEntry entry, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkFailedAsync(OutboxEntry entry, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>The consumer <paramref name="target"/> answers again: its messages waiting out a backoff are due now.</summary>
    Task RetryNowAsync(string target, DateTimeOffset now, CancellationToken cancellationToken);

    Task DeadLetterAsync(OutboxEntry entry, int attempts, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered message back in line for delivery; false when there is no such dead letter.</summary>
    Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many messages wait, and when the oldest of them was written.</summary>
    Task<(int Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken cancellationToken);

    /// <summary>The consumers that have messages waiting.</summary>
    Task<IReadOnlyList<string>> WaitingTargetsAsync(CancellationToken cancellationToken);

    /// <summary>Removes messages delivered before <paramref name="before"/>.</summary>
    Task<long> PurgeDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
