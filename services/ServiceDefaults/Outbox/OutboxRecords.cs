using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.ServiceDefaults.Outbox;

public enum OutboxState { Pending = 0, Delivered = 1, DeadLettered = 2 }

/// <summary>An outbox message as stored: the event, its place in the producer's order, and its delivery so far.</summary>
public sealed record OutboxRecord(
    string EventId, long Sequence, string AggregateId, string Target, string Method, byte[] Payload, Window Window,
    string? TraceParent, DateTimeOffset CreatedAt, OutboxState State, int Attempts, DateTimeOffset NextAttemptAt,
    string? LastError, DateTimeOffset? DeliveredAt)
{
    public OutboxMessage Message => new(EventId, AggregateId, Target, Method, Payload, Window, TraceParent, CreatedAt);
}

/// <summary>The outbox collection that every producing service keeps in its own store, written in the same batch as
/// the change its messages report.</summary>
public static class OutboxRecords
{
    public static readonly DocumentCollection<OutboxRecord> Collection =
        new DocumentCollection<OutboxRecord>("outbox", PlatformDocumentsJson.Default.OutboxRecord, r => r.EventId)
            .Field("sequence", r => r.Sequence)
            .Field("state", r => r.State)
            .Field("target", r => r.Target)
            .Field("createdAt", r => r.CreatedAt)
            .Field("nextAttemptAt", r => r.NextAttemptAt)
            .Field("deliveredAt", r => r.DeliveredAt)
            .Index("state", "target", "sequence")
            .Index("state", "sequence")
            .Index("state", "deliveredAt");

    /// <summary>Adds the messages to the batch: they exist exactly when the change they report does, numbered in the
    /// order they were written.</summary>
    public static WriteBatch Outbox(this WriteBatch batch, IEnumerable<OutboxMessage>? messages)
    {
        foreach (var m in messages ?? [])
        {
            var record = new OutboxRecord(m.EventId, 0, m.AggregateId, m.Target, m.Method, m.Payload, m.Window, m.TraceParent, m.CreatedAt,
                OutboxState.Pending, 0, m.CreatedAt, null, null);
            batch.InsertNumbered(Collection, "outbox", (r, n) => r with { Sequence = n }, record);
        }
        return batch;
    }
}
