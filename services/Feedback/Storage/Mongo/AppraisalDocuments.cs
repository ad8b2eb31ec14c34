using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>An appraisal meeting in the <c>appraisalMeetings</c> collection, attendees and scores embedded.</summary>
internal sealed class MeetingDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("title")] public string Title { get; set; } = "";
    [BsonElement("heldOn")] public string HeldOn { get; set; } = "";
    [BsonElement("attendees")] public List<AttendeeDocument> Attendees { get; set; } = [];
    [BsonElement("scores")] public List<ScoreDocument> Scores { get; set; } = [];
    [BsonElement("minutes")] public string Minutes { get; set; } = "";
    [BsonElement("recordedAt")] public DateTime RecordedAt { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static MeetingDocument From(AppraisalMeeting m) => new()
    {
        Id = m.Id,
        Title = m.Title,
        HeldOn = MongoValues.Day(m.HeldOn),
        Attendees = m.Attendees.Select(a => new AttendeeDocument { Name = a.Name, Role = a.Role }).ToList(),
        Scores = m.Scores.Select(s => new ScoreDocument { Window = (int)s.Window, Score = s.Score }).ToList(),
        Minutes = m.Minutes,
        RecordedAt = m.RecordedAt.UtcDateTime,
        IdempotencyKey = m.Idempotency?.Key,
        Fingerprint = m.Idempotency?.Fingerprint,
    };

    public AppraisalMeeting ToDomain() => new(Id, Title, MongoValues.Day(HeldOn),
        Attendees.Select(a => new Attendee(a.Name, a.Role)).ToList(),
        Scores.Select(s => new WindowScore((Window)s.Window, s.Score)).ToList(),
        Minutes, MongoValues.Instant(RecordedAt), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}

internal sealed class AttendeeDocument
{
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("role"), BsonIgnoreIfNull] public string? Role { get; set; }
}

internal sealed class ScoreDocument
{
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("score")] public double Score { get; set; }
}

/// <summary>The output of the appraisal-score pipeline.</summary>
internal sealed class AppraisalFiguresDocument
{
    [BsonId] public object? Id { get; set; }
    [BsonElement("meetings")] public int Meetings { get; set; }
    [BsonElement("average")] public double Average { get; set; }
}
