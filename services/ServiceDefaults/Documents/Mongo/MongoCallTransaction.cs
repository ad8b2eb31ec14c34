using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Documents.Mongo;

/// <summary>
/// A call's unit of work on MongoDB: one session and one transaction from its first batch to its outcome record. The
/// server aborts a transaction on a write error (a duplicate key), so a refused batch is undone by starting the
/// transaction again with the batches that were accepted before it; should one of those be refused now (someone
/// changed the same documents meanwhile), the call is told to retry (ABORTED) and nothing is written.
/// </summary>
internal sealed class MongoCallTransaction(MongoDocumentStore store, IMongoClient client) : CallTransaction(store)
{
    private readonly List<WriteBatch> _applied = [];
    private IClientSessionHandle? _session;

    public override bool HasWrites => _applied.Count > 0;

    internal IClientSessionHandle? ActiveSession => _session is { IsInTransaction: true } ? _session : null;

    internal override async Task<WriteConflict?> ApplyAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        if (Ended) throw new InvalidOperationException("the call transaction has ended");
        if (batch.IsEmpty) return null;
        await BeginAsync(cancellationToken);
        WriteConflict? conflict;
        try
        {
            conflict = await store.ApplyAsync(_session, batch, cancellationToken);
        }
        catch (MongoException error) when (error.HasErrorLabel("TransientTransactionError"))
        {
            await RestartAsync(cancellationToken);
            conflict = await store.ApplyAsync(_session, batch, cancellationToken);
        }
        if (conflict is null)
        {
            _applied.Add(batch);
            return null;
        }
        await RestartAsync(cancellationToken);
        return conflict;
    }

    protected override async Task<WriteConflict?> CommitAllAsync(WriteBatch closing, CancellationToken cancellationToken)
    {
        try
        {
            if (_session is null && closing.IsEmpty) return null;
            await BeginAsync(cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await store.ApplyAsync(_session, closing, cancellationToken) is { } conflict)
                    {
                        await MongoDocumentStore.AbortQuietlyAsync(_session!);
                        return conflict;
                    }
                    await MongoDocumentStore.CommitWithRetryAsync(_session!, cancellationToken);
                    break;
                }
                catch (MongoException error) when (error.HasErrorLabel("TransientTransactionError") && attempt < MongoDocumentStore.TransactionAttempts)
                {
                    // The batches are declarative: what the call decided is written again exactly as decided, or refused.
                    await RestartAsync(cancellationToken);
                }
            }
            foreach (var batch in _applied.Append(closing)) store.Committed(batch);
            return null;
        }
        finally
        {
            _session?.Dispose();
            _session = null;
        }
    }

    protected override async Task RollBackAsync()
    {
        if (_session is null) return;
        await MongoDocumentStore.AbortQuietlyAsync(_session);
        _session.Dispose();
        _session = null;
    }

    private async Task BeginAsync(CancellationToken cancellationToken)
    {
        _session ??= await client.StartSessionAsync(cancellationToken: cancellationToken);
        if (!_session.IsInTransaction) _session.StartTransaction();
    }

    /// <summary>A fresh transaction holding the batches accepted so far.</summary>
    private async Task RestartAsync(CancellationToken cancellationToken)
    {
        await MongoDocumentStore.AbortQuietlyAsync(_session!);
        _session!.StartTransaction();
        foreach (var batch in _applied)
            if (await store.ApplyAsync(_session, batch, cancellationToken) is not null) throw Contention();
    }

    private static Grpc.Core.RpcException Contention() => new(new Grpc.Core.Status(Grpc.Core.StatusCode.Aborted,
        "the records this call changes were changed by another call at the same moment; nothing was written, retry"));
}
