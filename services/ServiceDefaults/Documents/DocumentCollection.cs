using System.Text.Json.Serialization.Metadata;

namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>What every collection declares to the engines, whatever its document type.</summary>
public interface IDocumentCollection
{
    /// <summary>The collection's name; the engines keep it as <c>doc_&lt;name&gt;</c>.</summary>
    string Name { get; }
    IReadOnlyList<FieldDefinition> Fields { get; }
    IReadOnlyList<IndexDefinition> Indexes { get; }
    FieldDefinition Field(string name);

    /// <summary>The indexed values of a document of this collection (many values for a multi-valued field).</summary>
    IReadOnlyDictionary<string, object?[]> ValuesOf(object document);
    string Serialize(object document);
    object DeserializeDocument(string json);
    string IdOfDocument(object document);

    /// <summary>The version the aggregate carries, when it carries one.</summary>
    long? VersionOf(object document);
}

/// <summary>An indexed field: one value per document, or many (<see cref="Many"/>: found when any of them matches).
/// A counter is kept in the document's JSON property of the same name as well, so the engine can increment both.</summary>
public sealed record FieldDefinition(string Name, bool Many, bool IsCounter, string? Ceiling);

/// <summary>An index over one or more fields; a unique one is named by its rule, which a refused write reports.</summary>
public sealed record IndexDefinition(string Name, IReadOnlyList<string> Fields, bool Unique);

/// <summary>
/// One aggregate's documents: its JSON shape (a source-generated <see cref="JsonTypeInfo{T}"/>, declared once), its id,
/// and the fields that queries, unique rules and counters need, computed from the aggregate. Everything else about the
/// aggregate lives only in its JSON.
/// </summary>
public sealed class DocumentCollection<T> : IDocumentCollection where T : class
{
    private readonly List<FieldDefinition> _fields = [];
    private readonly Dictionary<string, Func<T, IEnumerable<object?>>> _extractors = new(StringComparer.Ordinal);
    private readonly List<IndexDefinition> _indexes = [];

    public string Name { get; }
    public JsonTypeInfo<T> Json { get; }
    public Func<T, string> IdOf { get; }

    /// <summary>When the aggregate carries its own version, the stored version is that number (else the engine counts).</summary>
    public Func<T, long>? VersionOf { get; }

    public IReadOnlyList<FieldDefinition> Fields => _fields;
    public IReadOnlyList<IndexDefinition> Indexes => _indexes;

    public DocumentCollection(string name, JsonTypeInfo<T> json, Func<T, string> id, Func<T, long>? version = null)
    {
        if (!IsName(name)) throw new ArgumentException($"collection name '{name}' must be lower-case letters, digits and _");
        Name = name;
        Json = json;
        IdOf = id;
        VersionOf = version;
    }

    /// <summary>A field with one value per document (text, number, date, enum, or null).</summary>
    public DocumentCollection<T> Field(string name, Func<T, object?> value) => Add(new FieldDefinition(name, false, false, null), d => [value(d)]);

    /// <summary>A field with any number of values per document, e.g. the ID numbers of both parties.</summary>
    public DocumentCollection<T> Many(string name, Func<T, IEnumerable<object?>> values) => Add(new FieldDefinition(name, true, false, null), values);

    /// <summary>
    /// A counter the engine increments in place (<see cref="WriteBatch.Increment{T}"/>): the document's JSON property
    /// <paramref name="name"/>, never below zero and, with <paramref name="ceiling"/>, never above that field.
    /// </summary>
    public DocumentCollection<T> Counter(string name, Func<T, long> value, string? ceiling = null)
    {
        if (!Json.Properties.Any(p => p.Name == name))
            throw new ArgumentException($"counter '{name}' must be a JSON property of {typeof(T).Name}");
        if (ceiling is not null && !_extractors.ContainsKey(ceiling))
            throw new ArgumentException($"the ceiling '{ceiling}' of counter '{name}' must be declared as a field first");
        return Add(new FieldDefinition(name, false, true, ceiling), d => [value(d)]);
    }

    public DocumentCollection<T> Index(params string[] fields) => AddIndex(new IndexDefinition("ix_" + string.Join("_", fields), fields, false));

    /// <summary>No two documents share these values (documents with a null among them are not held to it).</summary>
    public DocumentCollection<T> Unique(string rule, params string[] fields)
    {
        if (fields.Length > 1 && fields.Any(f => Field(f).Many))
            throw new ArgumentException($"unique '{rule}': a multi-valued field can only be unique on its own");
        return AddIndex(new IndexDefinition(rule, fields, true));
    }

    public FieldDefinition Field(string name) =>
        _fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"'{name}' is not a declared field of collection '{Name}'");

    public IReadOnlyDictionary<string, object?[]> ValuesOf(T document)
    {
        var values = new Dictionary<string, object?[]>(_extractors.Count, StringComparer.Ordinal);
        foreach (var (name, extract) in _extractors)
            values[name] = extract(document).Select(FieldValue.Normalize).Where(v => v is not null || !Field(name).Many).Distinct().ToArray();
        return values;
    }

    IReadOnlyDictionary<string, object?[]> IDocumentCollection.ValuesOf(object document) => ValuesOf((T)document);

    public string Serialize(T document) => System.Text.Json.JsonSerializer.Serialize(document, Json);

    string IDocumentCollection.Serialize(object document) => Serialize((T)document);

    object IDocumentCollection.DeserializeDocument(string json) => Deserialize(json);

    string IDocumentCollection.IdOfDocument(object document) => IdOf((T)document);

    long? IDocumentCollection.VersionOf(object document) => VersionOf?.Invoke((T)document);

    public T Deserialize(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, Json) ?? throw new InvalidDataException($"an empty document in '{Name}'");

    private DocumentCollection<T> Add(FieldDefinition field, Func<T, IEnumerable<object?>> extract)
    {
        if (!IsName(field.Name)) throw new ArgumentException($"field name '{field.Name}' must be letters, digits and _");
        if (_extractors.ContainsKey(field.Name)) throw new ArgumentException($"field '{field.Name}' is declared twice in '{Name}'");
        _fields.Add(field);
        _extractors[field.Name] = extract;
        return this;
    }

    private DocumentCollection<T> AddIndex(IndexDefinition index)
    {
        foreach (var field in index.Fields) Field(field);
        if (!IsName(index.Name)) throw new ArgumentException($"index name '{index.Name}' must be letters, digits, - and _");
        _indexes.Add(index);
        return this;
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 60 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
