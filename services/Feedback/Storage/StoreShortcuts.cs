using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.Feedback.Storage;

/// <summary>The reads and writes every feedback adapter makes, in the ports' terms: documents rather than stored
/// envelopes, and a refusal the port has no outcome for is a fault.</summary>
internal static class StoreShortcuts
{
    public static async Task<T?> DocumentAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string id,
        CancellationToken cancellationToken) where T : class =>
        (await store.GetAsync(collection, id, cancellationToken))?.Document;

    public static async Task<IReadOnlyList<T>> DocumentsAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, DocumentQuery query,
        CancellationToken cancellationToken) where T : class =>
        (await store.FindAsync(collection, query, cancellationToken)).Select(s => s.Document).ToList();

    public static async Task<T?> FirstAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, DocumentQuery query,
        CancellationToken cancellationToken) where T : class =>
        (await store.DocumentsAsync(collection, query.Take(1), cancellationToken)).FirstOrDefault();

    /// <summary>A new document under a fresh id: no rule can refuse it.</summary>
    public static async Task InsertAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, T document,
        CancellationToken cancellationToken) where T : class
    {
        if (await store.CommitAsync(new WriteBatch().Insert(collection, document), cancellationToken) is { } conflict)
            throw Unexpected(conflict);
    }

    /// <summary>Commits a batch of replacements at the versions read: false (nothing written) when one was stale.</summary>
    public static async Task<bool> CommitUnlessStaleAsync(this IDocumentStore store, WriteBatch batch, CancellationToken cancellationToken) =>
        await store.CommitAsync(batch, cancellationToken) switch
        {
            null => true,
            WriteConflict.Stale => false,
            var conflict => throw Unexpected(conflict),
        };

    public static InvalidOperationException Unexpected(WriteConflict conflict) => new($"the feedback store refused a write: {conflict}");
}
