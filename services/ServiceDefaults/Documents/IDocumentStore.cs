namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>A document as stored, with the version a later <see cref="WriteBatch.Replace{T}"/> must name.</summary>
public sealed record Stored<T>(T Document, long Version) where T : class;

/// <summary>
/// A service's store of documents, the only storage code that knows an engine (SQLite by default, MongoDB in
/// production). Each service implements its domain ports once over it.
/// </summary>
public interface IDocumentStore
{
    Task<Stored<T>?> GetAsync<T>(DocumentCollection<T> collection, string id, CancellationToken cancellationToken = default) where T : class;

    /// <summary>The documents that exist among <paramref name="ids"/>, in no particular order.</summary>
    Task<IReadOnlyList<Stored<T>>> GetManyAsync<T>(DocumentCollection<T> collection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default) where T : class;

    Task<IReadOnlyList<Stored<T>>> FindAsync<T>(DocumentCollection<T> collection, DocumentQuery query,
        CancellationToken cancellationToken = default) where T : class;

    Task<long> CountAsync<T>(DocumentCollection<T> collection, DocumentQuery query, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Documents matching <paramref name="query"/> counted per value of <paramref name="groupBy"/> (single-valued
    /// fields), with the sum of <paramref name="sum"/> when given: figures without reading the documents.</summary>
    Task<IReadOnlyList<FieldGroup>> GroupAsync<T>(DocumentCollection<T> collection, DocumentQuery query, IReadOnlyList<string> groupBy,
        string? sum = null, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Commits the batch atomically: null when it was written, else why nothing was.</summary>
    Task<WriteConflict?> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Removes the documents of a collection that match (kept records past their retention, never the archive).</summary>
    Task<long> PurgeAsync<T>(DocumentCollection<T> collection, DocumentQuery query, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Creates the collections' tables or collections and indexes; adds (and fills) fields a newer release
    /// declares. Idempotent; run at start-up.</summary>
    Task InitializeAsync(IReadOnlyList<IDocumentCollection> collections, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rows an earlier release wrote in its own tables (SQLite) or collections (MongoDB) under <paramref name="source"/>,
    /// for a one-off import: <paramref name="import"/> turns them into a batch that is committed with a marker, so the
    /// import runs once and entirely, or not at all. Returns how many rows were imported (0 when there was nothing).
    /// SQLite only: on MongoDB an earlier release's collection stops the start-up instead (see the engine).
    /// </summary>
    Task<int> ImportLegacyAsync(string source, Func<IReadOnlyList<LegacyRow>, WriteBatch> import, CancellationToken cancellationToken = default);

    /// <summary>Begins a unit of work for one call: every batch committed inside it (on this async flow) and the call's
    /// own record commit together when it completes, or not at all.</summary>
    CallTransaction BeginCall();

    /// <summary>Answers when the engine can read and write.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <summary>One row of an earlier release's table or collection: column (or field) names to values (text, whole or
/// real numbers, bytes, or null; nested values as JSON text). Names are matched ignoring case and underscores.</summary>
public sealed class LegacyRow(IReadOnlyDictionary<string, object?> values)
{
    private readonly Dictionary<string, object?> _values = values.ToDictionary(p => Key(p.Key), p => p.Value);

    public object? this[string name] => _values.TryGetValue(Key(name), out var value) ? value : null;

    public bool Has(string name) => _values.ContainsKey(Key(name));

    public string Text(string name) => this[name]?.ToString() ?? throw new InvalidDataException($"legacy row without '{name}'");

    public string? TextOrNull(string name) => this[name]?.ToString();

    public long Number(string name) => this[name] switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        string s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        var other => throw new InvalidDataException($"legacy row: '{name}' is not a number ({other})"),
    };

    public byte[]? Bytes(string name) => this[name] as byte[];

    /// <summary>A moment, written as ISO text (SQLite) or stored as a date (MongoDB).</summary>
    public DateTimeOffset Instant(string name) => this[name] switch
    {
        DateTimeOffset at => at,
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
        var other => throw new InvalidDataException($"legacy row: '{name}' is not a moment ({other})"),
    };

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
