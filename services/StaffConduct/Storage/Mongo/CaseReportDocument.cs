using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A case report in the <c>case_reports</c> collection, keyed by the sender's event id (one per event).</summary>
internal sealed class CaseReportDocument
{
    [BsonId] public string EventId { get; set; } = "";
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("month")] public string Month { get; set; } = "";
    [BsonElement("count")] public int Count { get; set; }
    [BsonElement("source")] public string Source { get; set; } = "";
    [BsonElement("received_at")] public DateTime ReceivedAt { get; set; }
    [BsonElement("request_fingerprint")] public string RequestFingerprint { get; set; } = "";

    public static CaseReportDocument From(CaseReport r, string fingerprint) => new()
    {
        EventId = r.EventId, StaffId = r.StaffId, Window = (int)r.Window, Month = r.Month.ToString(), Count = r.Count, Source = r.Source,
        ReceivedAt = r.ReceivedAt.UtcDateTime, RequestFingerprint = fingerprint,
    };

    public CaseReport ToDomain() => new(EventId, StaffId, (Window)Window, Domain.Month.Parse(Month, "month"), Count, Source, MongoValues.Instant(ReceivedAt));
}
