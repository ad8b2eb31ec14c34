namespace CivilAffairs.ServiceDefaults.Documents.Sqlite;

/// <summary>
/// A call's unit of work on the embedded engine: from its first batch it is inside the writer's shared transaction
/// (each batch under a savepoint, so a refused batch undoes only itself; its reads see what it wrote), and its record
/// is the last thing it adds; it is acknowledged by the group commit that holds both. A call that fails after writing
/// has the shared transaction rolled back (see <see cref="SqliteWriter"/>): nothing of it is ever written without its record.
/// </summary>
internal sealed class SqliteCallTransaction(SqliteDocumentStore store) : CallTransaction(store)
{
    private readonly List<WriteBatch> _applied = [];

    /// <summary>The shared transaction the call writes in, once it has written.</summary>
    internal long? Generation { get; private set; }

    public override bool HasWrites => _applied.Count > 0;

    internal override async Task<WriteConflict?> ApplyAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        if (Ended) throw new InvalidOperationException("the call transaction has ended");
        if (batch.IsEmpty) return null;
        var generation = Generation ?? await store.Writer.EnterCallAsync(cancellationToken);
        WriteConflict? conflict;
        try
        {
            (conflict, _) = await store.Writer.ApplyAsync((c, t) => store.ApplyAsync(c, t, batch), c => c is null, acknowledge: false,
                generation, cancellationToken);
        }
        catch
        {
            if (Generation is null) store.Writer.LeaveCall();
            throw;
        }
        if (conflict is null)
        {
            _applied.Add(batch);
            Generation = generation;
        }
        else if (Generation is null)
        {
            store.Writer.LeaveCall(); // nothing of the call is in the shared transaction
            // Let the change that refused it commit, so the call's re-read (outside the transaction) sees it.
            if (conflict is WriteConflict.Stale or WriteConflict.DuplicateKey) await store.Writer.PendingCommittedAsync();
        }
        return conflict;
    }

    protected override async Task<WriteConflict?> CommitAllAsync(WriteBatch closing, CancellationToken cancellationToken)
    {
        if (Generation is not { } generation) return closing.IsEmpty ? null : await store.CommitAloneAsync(closing, cancellationToken);
        WriteConflict? conflict;
        Task committed;
        try
        {
            (conflict, committed) = await store.Writer.ApplyAsync((c, t) => store.ApplyAsync(c, t, closing), c => c is null, acknowledge: true,
                generation, cancellationToken);
            if (conflict is not null)
            {
                // The record was taken meanwhile: what the call wrote must not stand without it.
                await store.Writer.AbandonAsync();
                return conflict;
            }
        }
        finally
        {
            Generation = null;
            store.Writer.LeaveCall();
        }
        await committed;
        foreach (var batch in _applied.Append(closing)) store.Committed(batch);
        return null;
    }

    protected override async Task RollBackAsync()
    {
        if (Generation is not { } generation) return;
        Generation = null;
        try
        {
            if (generation == store.Writer.Generation) await store.Writer.AbandonAsync();
        }
        finally
        {
            store.Writer.LeaveCall();
        }
    }
}
