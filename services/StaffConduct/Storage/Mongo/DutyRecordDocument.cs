using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A line of the <c>duty_log</c> collection. The ObjectId orders the lines of a day (the latest counts).</summary>
internal sealed class DutyRecordDocument
{
    [BsonId] public ObjectId Id { get; set; }
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("status")] public int Status { get; set; }
    [BsonElement("note")] public string Note { get; set; } = "";
    [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }

    public static DutyRecordDocument From(DutyRecord record, IdempotencyTag? tag) => new()
    {
        Id = ObjectId.GenerateNewId(),
        StaffId = record.StaffId,
        Date = Dates.Format(record.Date),
        Status = (int)record.Status,
        Note = record.Note,
        RecordedAt = record.RecordedAt.UtcDateTime,
        Window = (int)record.Window,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public DutyRecord ToDomain() => new(StaffId, Dates.ParseDate(Date, "date"), (DutyStatus)Status, Note,
        MongoValues.Instant(RecordedAt), (Window)Window);
}
