namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>
/// The unit of work of one state-changing call that carries an idempotency key: the batches the call commits and the
/// record of its outcome are written in one transaction, so a crash, a cancellation or a failure between the change
/// and its record cannot let a retry run the change again. Ambient for the call's async flow; while it holds writes,
/// the call's reads see them. Not completed means rolled back.
/// </summary>
public abstract class CallTransaction : IAsyncDisposable
{
    private static readonly AsyncLocal<CallTransaction?> Ambient = new();

    protected CallTransaction(IDocumentStore store)
    {
        Store = store;
        Ambient.Value = this;
    }

    public IDocumentStore Store { get; }

    /// <summary>True once a batch was applied inside the transaction.</summary>
    public abstract bool HasWrites { get; }

    protected bool Ended { get; private set; }

    /// <summary>The call transaction of the current async flow for <paramref name="store"/>, if one is running.</summary>
    public static CallTransaction? Current(IDocumentStore store) =>
        Ambient.Value is { Ended: false } current && ReferenceEquals(current.Store, store) ? current : null;

    /// <summary>Commits what the call wrote together with <paramref name="closing"/> (the call's outcome record); a
    /// conflict of <paramref name="closing"/> rolls everything back and is returned.</summary>
    public async Task<WriteConflict?> CompleteAsync(WriteBatch closing, CancellationToken cancellationToken)
    {
        if (Ended) throw new InvalidOperationException("the call transaction has ended");
        try
        {
            return await CommitAllAsync(closing, cancellationToken);
        }
        finally
        {
            Ended = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Ended)
        {
            Ended = true;
            await RollBackAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Applies a batch of the call inside the transaction; a conflict undoes that batch only.</summary>
    internal abstract Task<WriteConflict?> ApplyAsync(WriteBatch batch, CancellationToken cancellationToken);

    protected abstract Task<WriteConflict?> CommitAllAsync(WriteBatch closing, CancellationToken cancellationToken);

    protected abstract Task RollBackAsync();
}
