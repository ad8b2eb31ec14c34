using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>How the adapters read and write documents, written once.</summary>
internal static class StoreExtensions
{
    public static async Task<T?> DocumentAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string id,
        CancellationToken cancellationToken) where T : class =>
        (await store.GetAsync(collection, id, cancellationToken))?.Document;

    public static async Task<IReadOnlyList<T>> DocumentsAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, DocumentQuery query,
        CancellationToken cancellationToken) where T : class =>
        (await store.FindAsync(collection, query, cancellationToken)).Select(s => s.Document).ToList();

    /// <summary>A new record under a fresh id: nothing may refuse it.</summary>
    public static async Task InsertAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, T document,
        CancellationToken cancellationToken) where T : class
    {
        if (await store.CommitAsync(new WriteBatch().Insert(collection, document), cancellationToken) is { } conflict) throw Refused(conflict);
    }

    /// <summary>A record under its natural id (an event or rating id): false, and nothing written, when that id is taken.</summary>
    public static async Task<bool> InsertOnceAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, T document,
        CancellationToken cancellationToken) where T : class =>
        await store.CommitAsync(new WriteBatch().Insert(collection, document), cancellationToken) switch
        {
            null => true,
            WriteConflict.DuplicateKey { Rule: "id" } => false,
            var conflict => throw Refused(conflict),
        };

    /// <summary>
    /// Replaces a document with what <paramref name="change"/> makes of it, at the version read; reads it again when
    /// someone changed it meanwhile. False, and nothing written, when the document is missing or <paramref name="change"/>
    /// declines (null): the change no longer applies to the document as it now is.
    /// </summary>
    public static async Task<bool> ChangeAsync<T>(this IDocumentStore store, DocumentCollection<T> collection, string id, Func<T, T?> change,
        CancellationToken cancellationToken) where T : class
    {
        while (true)
        {
            var stored = await store.GetAsync(collection, id, cancellationToken);
            if (stored is null || change(stored.Document) is not { } changed) return false;
            var conflict = await store.CommitAsync(new WriteBatch().Replace(collection, changed, stored.Version), cancellationToken);
            if (conflict is null) return true;
            if (conflict is not WriteConflict.Stale) throw Refused(conflict);
        }
    }

    public static InvalidOperationException Refused(WriteConflict conflict) => new($"the store refused a write it should take: {conflict}");
}
