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
    };

    public Suggestion ToDomain() => new(
        Id, (Window)Window, Category, Text,
        Anonymous || Name is null ? null : new Suggester(Name, Phone),
        MongoValues.Instant(SubmittedAt), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}
