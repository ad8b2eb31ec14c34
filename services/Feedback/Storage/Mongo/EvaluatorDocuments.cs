using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>An evaluator in the <c>evaluators</c> collection.</summary>
internal sealed class EvaluatorDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("phone"), BsonIgnoreIfNull] public string? Phone { get; set; }
    [BsonElement("affiliation"), BsonIgnoreIfNull] public string? Affiliation { get; set; }
    [BsonElement("termStart")] public string TermStart { get; set; } = "";
    [BsonElement("termEnd")] public string TermEnd { get; set; } = "";
    [BsonElement("appointedAt")] public DateTime AppointedAt { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static EvaluatorDocument From(Evaluator e) => new()
    {
        Id = e.Id, Name = e.Name, Phone = e.Phone, Affiliation = e.Affiliation,
        TermStart = MongoValues.Day(e.TermStart), TermEnd = MongoValues.Day(e.TermEnd), AppointedAt = e.AppointedAt.UtcDateTime,
        IdempotencyKey = e.Idempotency?.Key, Fingerprint = e.Idempotency?.Fingerprint,
    };

    public Evaluator ToDomain() => new(Id, Name, Phone, Affiliation, MongoValues.Day(TermStart), MongoValues.Day(TermEnd),
        MongoValues.Instant(AppointedAt), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}

/// <summary>An inspection report in the <c>inspectionReports</c> collection.</summary>
internal sealed class ReportDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("evaluatorId")] public string EvaluatorId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("staffId"), BsonIgnoreIfNull] public string? StaffId { get; set; }
    [BsonElement("visitedOn")] public string VisitedOn { get; set; } = "";
    [BsonElement("score")] public int Score { get; set; }
    [BsonElement("findings")] public string Findings { get; set; } = "";
    [BsonElement("submittedAt")] public DateTime SubmittedAt { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static ReportDocument From(InspectionReport r) => new()
    {
        Id = r.Id, EvaluatorId = r.EvaluatorId, Window = (int)r.Window, StaffId = r.StaffId, VisitedOn = MongoValues.Day(r.VisitedOn),
        Score = r.Score, Findings = r.Findings, SubmittedAt = r.SubmittedAt.UtcDateTime,
        IdempotencyKey = r.Idempotency?.Key, Fingerprint = r.Idempotency?.Fingerprint,
    };

    public InspectionReport ToDomain() => new(Id, EvaluatorId, (Window)Window, StaffId, MongoValues.Day(VisitedOn), Score, Findings,
        MongoValues.Instant(SubmittedAt), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}
