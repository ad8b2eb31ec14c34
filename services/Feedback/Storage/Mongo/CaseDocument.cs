using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>A rectification case in the <c>rectificationCases</c> collection, its history embedded.</summary>
internal sealed class CaseDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("ratingId")] public string RatingId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("staffId"), BsonIgnoreIfNull] public string? StaffId { get; set; }
    [BsonElement("serviceReference")] public string ServiceReference { get; set; } = "";
    [BsonElement("level")] public int Level { get; set; }
    [BsonElement("openedAt")] public DateTime OpenedAt { get; set; }
    [BsonElement("openedOn")] public string OpenedOn { get; set; } = "";
    [BsonElement("deadline")] public string Deadline { get; set; } = "";
    [BsonElement("stage")] public int Stage { get; set; }
    /// <summary>Redundant with the stage, so the overdue list can match <c>isOpen: true</c> on an index.</summary>
    [BsonElement("isOpen")] public bool IsOpen { get; set; }
    [BsonElement("stageBeforeAppeal"), BsonIgnoreIfNull] public int? StageBeforeAppeal { get; set; }
    [BsonElement("outcome")] public int Outcome { get; set; }
    [BsonElement("closedOn"), BsonIgnoreIfNull] public string? ClosedOn { get; set; }
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("steps")] public List<StepDocument> Steps { get; set; } = [];

    public static CaseDocument From(RectificationCase c) => new()
    {
        Id = c.Id,
        RatingId = c.RatingId,
        Window = (int)c.Window,
        StaffId = c.StaffId,
        ServiceReference = c.ServiceReference,
        Level = (int)c.Level,
        OpenedAt = c.OpenedAt.UtcDateTime,
        OpenedOn = MongoValues.Day(c.OpenedOn),
        Deadline = MongoValues.Day(c.Deadline),
        Stage = (int)c.Stage,
        IsOpen = !c.IsClosed,
        StageBeforeAppeal = c.StageBeforeAppeal is { } before ? (int)before : null,
        Outcome = (int)c.Outcome,
        ClosedOn = MongoValues.Day(c.ClosedOn),
        Version = c.Version,
        Steps = c.Steps.Select(StepDocument.Of).ToList(),
    };

    public RectificationCase ToDomain() => new()
    {
        Id = Id,
        RatingId = RatingId,
        Window = (Window)Window,
        StaffId = StaffId,
        ServiceReference = ServiceReference,
        Level = (RatingLevel)Level,
        OpenedAt = MongoValues.Instant(OpenedAt),
        OpenedOn = MongoValues.Day(OpenedOn),
        Deadline = MongoValues.Day(Deadline),
        Stage = (CaseStage)Stage,
        StageBeforeAppeal = StageBeforeAppeal is { } before ? (CaseStage)before : null,
        Outcome = (CaseOutcome)Outcome,
        ClosedOn = ClosedOn is null ? null : MongoValues.Day(ClosedOn),
        Version = Version,
        Steps = Steps.Select(s => s.ToDomain()).ToList(),
    };
}

internal sealed class StepDocument
{
    [BsonElement("number")] public int Number { get; set; }
    [BsonElement("action")] public int Action { get; set; }
    [BsonElement("from")] public int From { get; set; }
    [BsonElement("to")] public int To { get; set; }
    [BsonElement("handledBy")] public string HandledBy { get; set; } = "";
    [BsonElement("note"), BsonIgnoreIfNull] public string? Note { get; set; }
    [BsonElement("at")] public DateTime At { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static StepDocument Of(CaseStep step) => new()
    {
        Number = step.Number,
        Action = (int)step.Action,
        From = (int)step.From,
        To = (int)step.To,
        HandledBy = step.HandledBy,
        Note = step.Note,
        At = step.At.UtcDateTime,
        IdempotencyKey = step.Idempotency?.Key,
        Fingerprint = step.Idempotency?.Fingerprint,
    };

    public CaseStep ToDomain() => new(Number, (CaseAction)Action, (CaseStage)From, (CaseStage)To, HandledBy, Note,
        MongoValues.Instant(At), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}

/// <summary>The output of the case-count pipeline.</summary>
internal sealed class CaseCountsDocument
{
    [BsonId] public object? Id { get; set; }
    [BsonElement("opened")] public int Opened { get; set; }
    [BsonElement("closed")] public int Closed { get; set; }
    [BsonElement("closedOnTime")] public int ClosedOnTime { get; set; }
    [BsonElement("overdue")] public int Overdue { get; set; }
}
