using CivilAffairs.SharedKernel;

namespace CivilAffairs.ServiceDefaults.Outbox;

public enum OutboxState { Pending = 0, Delivered = 1, DeadLettered = 2 }

/// <summary>An outbox message as the relay sees it: with its delivery attempts.</summary>
public sealed record OutboxEntry(long Sequence, OutboxMessage Message, OutboxState State, int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

/// <summary>The producer's outbox table or collection, read and updated by the relay and by operators.</summary>
public interface IOutboxStore
{
    /// <summary>Pending messages in the order they were written, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> PendingAsync(int limit, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long sequence, CancellationToken cancellationToken);

    Task MarkFailedAsync(long sequence, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>The consumer <paramref name="target"/> answers again: its messages waiting out a backoff are due now.</summary>
    Task RetryNowAsync(string target, DateTimeOffset now, CancellationToken cancellationToken);

    Task DeadLetterAsync(long sequence, int attempts, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered message back in line for delivery; false when there is no such dead letter.</summary>
    Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many messages wait, and when the oldest of them was written.</summary>
    Task<(int Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken cancellationToken);
}
