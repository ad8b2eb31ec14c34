using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A rating in the <c>ratings</c> collection, keyed by feedback's rating id (one per rating).</summary>
internal sealed class RatingDocument
{
    [BsonId] public string RatingId { get; set; } = "";
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("level")] public int Level { get; set; }
    [BsonElement("rated_on")] public string RatedOn { get; set; } = "";
    [BsonElement("complaint")] public bool Complaint { get; set; }
    [BsonElement("rectification_case_id"), BsonIgnoreIfNull] public string? RectificationCaseId { get; set; }
    [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }
    [BsonElement("request_fingerprint")] public string RequestFingerprint { get; set; } = "";

    public static RatingDocument From(ServiceRating r, string fingerprint) => new()
    {
        RatingId = r.RatingId, StaffId = r.StaffId, Window = (int)r.Window, Level = (int)r.Level, RatedOn = Dates.Format(r.RatedOn),
        Complaint = r.IsComplaint, RectificationCaseId = r.RectificationCaseId, RecordedAt = r.RecordedAt.UtcDateTime, RequestFingerprint = fingerprint,
    };

    public ServiceRating ToDomain() => new(RatingId, StaffId, (Window)Window, (RatingLevel)Level, Dates.ParseDate(RatedOn, "rated_on"),
        RectificationCaseId, MongoValues.Instant(RecordedAt));
}

/// <summary>The close of a rectification case in the <c>rectification_closures</c> collection, keyed by case id.</summary>
internal sealed class RectificationClosureDocument
{
    [BsonId] public string CaseId { get; set; } = "";
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("rating_id")] public string RatingId { get; set; } = "";
    [BsonElement("on_time")] public bool OnTime { get; set; }
    [BsonElement("outcome")] public int Outcome { get; set; }
    [BsonElement("closed_on")] public string ClosedOn { get; set; } = "";
    [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }
    [BsonElement("request_fingerprint")] public string RequestFingerprint { get; set; } = "";

    public static RectificationClosureDocument From(RectificationClosure c, string fingerprint) => new()
    {
        CaseId = c.CaseId, StaffId = c.StaffId, RatingId = c.RatingId, OnTime = c.OnTime, Outcome = (int)c.Outcome,
        ClosedOn = Dates.Format(c.ClosedOn), RecordedAt = c.RecordedAt.UtcDateTime, RequestFingerprint = fingerprint,
    };

    public RectificationClosure ToDomain() => new(CaseId, StaffId, RatingId, OnTime, (RectificationOutcome)Outcome,
        Dates.ParseDate(ClosedOn, "closed_on"), MongoValues.Instant(RecordedAt));
}
