using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>A suggestion as stored in the <c>suggestions</c> collection. An anonymous one has no name or phone
/// element at all.</summary>
internal sealed class SuggestionDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("category")] public string Category { get; set; } = "";
    [BsonElement("text")] public string Text { get; set; } = "";
    [BsonElement("anonymous")] public bool Anonymous { get; set; }
    [BsonElement("name"), BsonIgnoreIfNull] public string? Name { get; set; }
    [BsonElement("phone"), BsonIgnoreIfNull] public string? Phone { get; set; }
    [BsonElement("submittedAt")] public DateTime SubmittedAt { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }
    [BsonElement("hidden")] public bool Hidden { get; set; }
    [BsonElement("version")] public int Version { get; set; } = 1;
    [BsonElement("entries")] public List<SuggestionEntryDocument> Entries { get; set; } = [];

    public static SuggestionDocument From(Suggestion suggestion) => new()
    {
        Id = suggestion.Id,
        Window = (int)suggestion.Window,
        Category = suggestion.Category,
        Text = suggestion.Text,
        Anonymous = suggestion.Anonymous,
        Name = suggestion.Suggester?.Name,
        Phone = suggestion.Suggester?.Phone,
        SubmittedAt = suggestion.SubmittedAt.UtcDateTime,
        IdempotencyKey = suggestion.Idempotency?.Key,
        Fingerprint = suggestion.Idempotency?.Fingerprint,
        Hidden = suggestion.Hidden,
        Version = suggestion.Version,
        Entries = suggestion.Entries.Select(SuggestionEntryDocument.Of).ToList(),
    };

    public Suggestion ToDomain() => new(
        Id, (Window)Window, Category, Text,
        Anonymous || Name is null ? null : new Suggester(Name, Phone),
        MongoValues.Instant(SubmittedAt), MongoValues.Idempotency(IdempotencyKey, Fingerprint))
    {
        Entries = Entries.Select(e => e.ToDomain()).ToList(),
    };
}

internal sealed class SuggestionEntryDocument
{
    [BsonElement("number")] public int Number { get; set; }
    [BsonElement("kind")] public int Kind { get; set; }
    [BsonElement("text")] public string Text { get; set; } = "";
    [BsonElement("by")] public string By { get; set; } = "";
    [BsonElement("at")] public DateTime At { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static SuggestionEntryDocument Of(SuggestionEntry entry) => new()
    {
        Number = entry.Number,
        Kind = (int)entry.Kind,
        Text = entry.Text,
        By = entry.By,
        At = entry.At.UtcDateTime,
        IdempotencyKey = entry.Idempotency?.Key,
        Fingerprint = entry.Idempotency?.Fingerprint,
    };

    public SuggestionEntry ToDomain() =>
        new(Number, (SuggestionEntryKind)Kind, Text, By, MongoValues.Instant(At), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}
