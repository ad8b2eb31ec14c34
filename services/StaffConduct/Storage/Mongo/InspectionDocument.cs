using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>An inspection in the <c>inspections</c> collection, with the rule's part and wording as recorded.</summary>
internal sealed class InspectionDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("rule_id")] public string RuleId { get; set; } = "";
    [BsonElement("part")] public int Part { get; set; }
    [BsonElement("rule_text")] public string RuleText { get; set; } = "";
    [BsonElement("kind")] public int Kind { get; set; }
    [BsonElement("inspector")] public string Inspector { get; set; } = "";
    [BsonElement("evidence")] public string Evidence { get; set; } = "";
    [BsonElement("observed_on")] public string ObservedOn { get; set; } = "";
    [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }

    public static InspectionDocument From(Inspection i, IdempotencyTag? tag) => new()
    {
        Id = i.Id,
        StaffId = i.StaffId,
        Window = (int)i.Window,
        RuleId = i.RuleId,
        Part = (int)i.Part,
        RuleText = i.RuleText,
        Kind = (int)i.Kind,
        Inspector = i.Inspector,
        Evidence = i.Evidence,
        ObservedOn = Dates.Format(i.ObservedOn),
        RecordedAt = i.RecordedAt.UtcDateTime,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public Inspection ToDomain() => new(Id, StaffId, (Window)Window, RuleId, (ConductPart)Part, RuleText, (InspectionKind)Kind,
        Inspector, Evidence, Dates.ParseDate(ObservedOn, "observed_on"), MongoValues.Instant(RecordedAt));
}
