using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>A rating as stored in the <c>ratings</c> collection.</summary>
internal sealed class RatingDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("staffId"), BsonIgnoreIfNull] public string? StaffId { get; set; }
    [BsonElement("serviceReference")] public string ServiceReference { get; set; } = "";
    [BsonElement("level")] public int Level { get; set; }
    [BsonElement("comment"), BsonIgnoreIfNull] public string? Comment { get; set; }
    [BsonElement("channel")] public int Channel { get; set; }
    [BsonElement("ratedAt")] public DateTime RatedAt { get; set; }
    /// <summary>The office day, YYYY-MM-DD: it sorts and compares as the calendar does.</summary>
    [BsonElement("ratedOn")] public string RatedOn { get; set; } = "";
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }
    [BsonElement("invitationId"), BsonIgnoreIfNull] public string? InvitationId { get; set; }
    /// <summary>Always present, so summaries match <c>voided: false</c> on the index.</summary>
    [BsonElement("voided")] public bool Voided { get; set; }

    public static RatingDocument From(Rating rating) => new()
    {
        Id = rating.Id,
        Window = (int)rating.Window,
        StaffId = rating.StaffId,
        ServiceReference = rating.ServiceReference,
        Level = (int)rating.Level,
        Comment = rating.Comment,
        Channel = (int)rating.Channel,
        RatedAt = rating.RatedAt.UtcDateTime,
        RatedOn = MongoValues.Day(rating.RatedOn),
        IdempotencyKey = rating.Idempotency?.Key,
        Fingerprint = rating.Idempotency?.Fingerprint,
        InvitationId = rating.InvitationId,
        Voided = rating.Voided,
    };

    public Rating ToDomain() => new(
        Id, (Window)Window, StaffId, ServiceReference, (RatingLevel)Level, Comment, (RatingChannel)Channel,
        MongoValues.Instant(RatedAt), MongoValues.Day(RatedOn), MongoValues.Idempotency(IdempotencyKey, Fingerprint), InvitationId, Voided);
}

/// <summary>One row of the summary pipeline's output: a level and how many ratings have it.</summary>
internal sealed class LevelCountDocument
{
    [BsonId] public int Level { get; set; }
    [BsonElement("count")] public int Count { get; set; }
}
