using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>
/// A contest in the <c>contests</c> collection with its scores embedded, and the idempotency keys of the score
/// batches recorded into it (so a batch and its key are written by one atomic update).
/// </summary>
internal sealed class ContestDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("title")] public string Title { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("held_on")] public string HeldOn { get; set; } = "";
    [BsonElement("max_score")] public double MaxScore { get; set; }
    [BsonElement("created_at")] public DateTime CreatedAt { get; set; }
    [BsonElement("scores")] public List<ScoreDocument> Scores { get; set; } = [];
    [BsonElement("score_batches")] public List<BatchDocument> ScoreBatches { get; set; } = [];
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }

    internal sealed class ScoreDocument
    {
        [BsonElement("staff_id")] public string StaffId { get; set; } = "";
        [BsonElement("score")] public double Score { get; set; }
        [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }

        public static ScoreDocument From(ContestScore s) => new() { StaffId = s.StaffId, Score = s.Score, RecordedAt = s.RecordedAt.UtcDateTime };
    }

    internal sealed class BatchDocument
    {
        [BsonElement("key")] public string Key { get; set; } = "";
        [BsonElement("fingerprint")] public string Fingerprint { get; set; } = "";
    }

    public static ContestDocument From(Contest c, IdempotencyTag? tag) => new()
    {
        Id = c.Id,
        Title = c.Title,
        Window = (int)c.Window,
        HeldOn = Dates.Format(c.HeldOn),
        MaxScore = c.MaxScore,
        CreatedAt = c.CreatedAt.UtcDateTime,
        Scores = c.Scores.Select(ScoreDocument.From).ToList(),
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public Contest ToDomain() => new(Id, Title, (Window)Window, Dates.ParseDate(HeldOn, "held_on"), MaxScore, MongoValues.Instant(CreatedAt),
        Scores.Select(s => new ContestScore(s.StaffId, s.Score, MongoValues.Instant(s.RecordedAt))).ToList());
}
