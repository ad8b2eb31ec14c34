using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>The outbox over the service's document store, the same on both engines.</summary>
public sealed class OutboxStore(IDocumentStore store) : IOutboxStore
{
    private static readonly DocumentCollection<OutboxRecord> Outbox = OutboxRecords.Collection;
    private static readonly DocumentQuery Pending = DocumentQuery.Where("state", OutboxState.Pending);

    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(int perTarget, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        foreach (var target in await WaitingTargetsAsync(cancellationToken))
            entries.AddRange((await store.FindAsync(Outbox, Pending.And("target", target).OrderBy("sequence").Take(perTarget), cancellationToken))
                .Select(Entry));
        return entries;
    }

    public async Task<IReadOnlyList<string>> WaitingTargetsAsync(CancellationToken cancellationToken) =>
        (await store.GroupAsync(Outbox, Pending, ["target"], cancellationToken: cancellationToken)).Select(g => (string)g.Key[0]!).ToList();

    public Task MarkDeliveredAsync(OutboxEntry entry, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(entry, entry.Record with { State = OutboxState.Delivered, LastError = null, DeliveredAt = at }, cancellationToken);

    public Task MarkFailedAsync(OutboxEntry entry, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ChangeAsync(entry, entry.Record with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = error }, cancellationToken);

    public Task DeadLetterAsync(OutboxEntry entry, int attempts, string error, CancellationToken cancellationToken) =>
        ChangeAsync(entry, entry.Record with { State = OutboxState.DeadLettered, Attempts = attempts, LastError = error }, cancellationToken);

    public async Task RetryNowAsync(string target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await store.FindAsync(Outbox, Pending.And("target", target).AndAfter("nextAttemptAt", now), cancellationToken);
        foreach (var entry in waiting.Select(Entry))
            await ChangeAsync(entry, entry.Record with { NextAttemptAt = now }, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        (await store.FindAsync(Outbox, DocumentQuery.Where("state", OutboxState.DeadLettered).OrderBy("sequence").Take(limit), cancellationToken))
            .Select(Entry).ToList();

    public async Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Outbox, eventId, cancellationToken);
        if (stored is not { Document.State: OutboxState.DeadLettered }) return false;
        var replayed = stored.Document with { State = OutboxState.Pending, Attempts = 0, NextAttemptAt = now };
        return await store.CommitAsync(new WriteBatch().Replace(Outbox, replayed, stored.Version), cancellationToken) is null;
    }

    public async Task<(int Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken cancellationToken)
    {
        var count = await store.CountAsync(Outbox, Pending, cancellationToken);
        if (count == 0) return (0, null);
        var oldest = await store.FindAsync(Outbox, Pending.OrderBy("sequence").Take(1), cancellationToken);
        return ((int)count, oldest.FirstOrDefault()?.Document.CreatedAt);
    }

    public Task<long> PurgeDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        store.PurgeAsync(Outbox, DocumentQuery.Where("state", OutboxState.Delivered).AndBefore("deliveredAt", before), cancellationToken);

    /// <summary>A change the relay or an operator makes; lost to a concurrent change of the same message, which then wins.</summary>
    private Task ChangeAsync(OutboxEntry entry, OutboxRecord changed, CancellationToken cancellationToken) =>
        store.CommitAsync(new WriteBatch().Replace(Outbox, changed, entry.Version), cancellationToken);

    private static OutboxEntry Entry(Stored<OutboxRecord> stored) => new(stored.Document, stored.Version);
}
