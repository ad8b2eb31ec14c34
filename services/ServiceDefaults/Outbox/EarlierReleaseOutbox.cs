using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>
/// Carries the outbox of a store written by the release before the document store (its table <c>outbox</c>, the same
/// in every service) over, once: messages not delivered yet keep their order, attempts and state (a dead letter stays
/// one); delivered ones have nothing left to do and stay only in the old table.
/// </summary>
internal sealed class EarlierReleaseOutbox : IStoreMigration
{
    public Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.ImportLegacyAsync("outbox", rows =>
        {
            var batch = new WriteBatch();
            foreach (var r in rows.Where(r => r.Number("state") != (long)OutboxState.Delivered).OrderBy(r => r.Number("sequence")))
                batch.InsertNumbered(OutboxRecords.Collection, "outbox", (m, n) => m with { Sequence = n }, new OutboxRecord(
                    r.Text("event_id"), 0, r.Text("aggregate_id"), r.Text("target"), r.Text("method"), r.Bytes("payload") ?? [],
                    (Window)r.Number("window"), r.TextOrNull("trace_parent"), r.Instant("created_at"), (OutboxState)r.Number("state"),
                    (int)r.Number("attempts"), r.Instant("next_attempt_at"), r.TextOrNull("last_error"), null));
            return batch;
        }, cancellationToken);
}
