namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>
/// Changes that commit together or not at all (one SQLite transaction, one MongoDB transaction): inserts refused on a
/// unique rule, replacements at an expected version, conditional increments, deletions, and outbox messages for other
/// services. The first refused change cancels the whole batch and is reported as a <see cref="WriteConflict"/>.
/// </summary>
public sealed class WriteBatch
{
    private readonly List<WriteOperation> _operations = [];

    public IReadOnlyList<WriteOperation> Operations => _operations;
    public bool IsEmpty => _operations.Count == 0;

    /// <summary>A new document; refused when its id exists (<see cref="WriteConflict.DuplicateKey"/> with rule <c>id</c>)
    /// or a unique rule of the collection already holds its values.</summary>
    public WriteBatch Insert<T>(DocumentCollection<T> collection, T document) where T : class =>
        Add(new WriteOperation.Insert(collection, collection.IdOf(document), document, Version(collection, document, 0)));

    /// <summary>Replaces a document that is still at <paramref name="expectedVersion"/>; refused as stale otherwise.</summary>
    public WriteBatch Replace<T>(DocumentCollection<T> collection, T document, long expectedVersion) where T : class =>
        Add(new WriteOperation.Replace(collection, collection.IdOf(document), document, expectedVersion, Version(collection, document, expectedVersion)));

    /// <summary>Writes the document whether or not it exists (settings, a person's current hold): last writer wins.</summary>
    public WriteBatch Put<T>(DocumentCollection<T> collection, T document) where T : class =>
        Add(new WriteOperation.Put(collection, collection.IdOf(document), document));

    /// <summary>Removes a document if it exists (never for the archive: its records are kept for good).</summary>
    public WriteBatch Delete<T>(DocumentCollection<T> collection, string id) where T : class =>
        Add(new WriteOperation.Delete(collection, id));

    /// <summary>
    /// Adds <paramref name="by"/> to a declared counter if the result stays at or above zero and at or below the
    /// counter's ceiling (the slot counter: <c>booked + 1 &lt;= capacity</c>); refused as <see cref="WriteConflict.LimitReached"/>.
    /// </summary>
    public WriteBatch Increment<T>(DocumentCollection<T> collection, string id, string counter, long by = 1) where T : class
    {
        if (!collection.Field(counter).IsCounter) throw new ArgumentException($"'{counter}' is not a counter of '{collection.Name}'");
        return Add(new WriteOperation.Increment(collection, id, counter, by));
    }

    /// <summary>Inserts a document that takes the next number of <paramref name="series"/> (1, 2, 3...; never given
    /// twice); <paramref name="number"/> puts the number in. After the commit, <see cref="Numbered{T}.Document"/> has it.</summary>
    public Numbered<T> InsertNumbered<T>(DocumentCollection<T> collection, string series, Func<T, long, T> number, T template) where T : class
    {
        var numbered = new Numbered<T>(template);
        Add(new WriteOperation.InsertNumbered(collection, series, n =>
        {
            numbered.Document = number(template, n);
            return numbered.Document;
        }));
        return numbered;
    }

    public WriteBatch Add(WriteOperation operation)
    {
        _operations.Add(operation);
        return this;
    }

    private static long Version<T>(DocumentCollection<T> collection, T document, long expected) where T : class =>
        collection.VersionOf?.Invoke(document) ?? expected + 1;
}

/// <summary>A document whose number the commit gives it.</summary>
public sealed class Numbered<T>(T template) where T : class
{
    public T Document { get; internal set; } = template;
}

/// <summary>One change of a batch; <see cref="Id"/> is the document's id (empty until a numbered insert is built).</summary>
public abstract record WriteOperation(IDocumentCollection Collection, string Id)
{
    public sealed record Insert(IDocumentCollection Collection, string Id, object Document, long Version) : WriteOperation(Collection, Id);
    public sealed record Replace(IDocumentCollection Collection, string Id, object Document, long ExpectedVersion, long Version) : WriteOperation(Collection, Id);
    public sealed record Put(IDocumentCollection Collection, string Id, object Document) : WriteOperation(Collection, Id);
    public sealed record Delete(IDocumentCollection Collection, string Id) : WriteOperation(Collection, Id);
    public sealed record Increment(IDocumentCollection Collection, string Id, string Counter, long By) : WriteOperation(Collection, Id);

    /// <summary><paramref name="Build"/> makes the document once its number is known (inside the transaction).</summary>
    public sealed record InsertNumbered(IDocumentCollection Collection, string Series, Func<long, object> Build) : WriteOperation(Collection, "");
}

/// <summary>Why a batch was refused; nothing of it was written.</summary>
public abstract record WriteConflict(string Collection, string Id)
{
    /// <summary>A unique rule (or the id itself: rule <c>id</c>) already holds these values.</summary>
    public sealed record DuplicateKey(string Collection, string Id, string Rule) : WriteConflict(Collection, Id);

    /// <summary>Someone changed (or removed) the document since the expected version was read.</summary>
    public sealed record Stale(string Collection, string Id) : WriteConflict(Collection, Id);

    /// <summary>The counter would leave its bounds (no place left, or nothing to give back).</summary>
    public sealed record LimitReached(string Collection, string Id, string Counter) : WriteConflict(Collection, Id);

    /// <summary>The counter's document does not exist.</summary>
    public sealed record Missing(string Collection, string Id) : WriteConflict(Collection, Id);
}
