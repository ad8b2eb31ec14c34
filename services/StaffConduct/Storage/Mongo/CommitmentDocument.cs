using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A commitment as stored in the <c>commitments</c> collection; the deadline is a "YYYY-MM-DD" string.</summary>
internal sealed class CommitmentDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("text")] public string Text { get; set; } = "";
    [BsonElement("deadline")] public string Deadline { get; set; } = "";
    [BsonElement("published_at")] public DateTime PublishedAt { get; set; }
    [BsonElement("outcome"), BsonIgnoreIfNull] public OutcomeDocument? Outcome { get; set; }
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }
    [BsonElement("outcome_idempotency_key"), BsonIgnoreIfNull] public string? OutcomeIdempotencyKey { get; set; }
    [BsonElement("outcome_fingerprint"), BsonIgnoreIfNull] public string? OutcomeFingerprint { get; set; }

    internal sealed class OutcomeDocument
    {
        [BsonElement("kept")] public bool Kept { get; set; }
        [BsonElement("evidence")] public string Evidence { get; set; } = "";
        [BsonElement("recorded_by")] public string RecordedBy { get; set; } = "";
        [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }

        public static OutcomeDocument From(CommitmentOutcome o) =>
            new() { Kept = o.Kept, Evidence = o.Evidence, RecordedBy = o.RecordedBy, RecordedAt = o.RecordedAt.UtcDateTime };
    }

    public static CommitmentDocument From(Commitment commitment, IdempotencyTag? tag) => new()
    {
        Id = commitment.Id,
        StaffId = commitment.StaffId,
        Window = (int)commitment.Window,
        Text = commitment.Text,
        Deadline = Dates.Format(commitment.Deadline),
        PublishedAt = commitment.PublishedAt.UtcDateTime,
        Outcome = commitment.Outcome is { } o ? OutcomeDocument.From(o) : null,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public Commitment ToDomain() => new(Id, StaffId, (Window)Window, Text, Dates.ParseDate(Deadline, "deadline"),
        MongoValues.Instant(PublishedAt),
        Outcome is { } o ? new CommitmentOutcome(o.Kept, o.Evidence, o.RecordedBy, MongoValues.Instant(o.RecordedAt)) : null);
}
