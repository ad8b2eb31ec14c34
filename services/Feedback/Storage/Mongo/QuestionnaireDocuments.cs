using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>A questionnaire in the <c>questionnaires</c> collection, its questions embedded.</summary>
internal sealed class QuestionnaireDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("title")] public string Title { get; set; } = "";
    [BsonElement("window"), BsonIgnoreIfNull] public int? Window { get; set; }
    [BsonElement("questions")] public List<QuestionDocument> Questions { get; set; } = [];
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static QuestionnaireDocument From(Questionnaire q) => new()
    {
        Id = q.Id,
        Title = q.Title,
        Window = (int?)q.Window,
        Questions = q.Questions.Select(x => new QuestionDocument { Number = x.Number, Text = x.Text, ScaleMin = x.ScaleMin, ScaleMax = x.ScaleMax }).ToList(),
        CreatedAt = q.CreatedAt.UtcDateTime,
        IdempotencyKey = q.Idempotency?.Key,
        Fingerprint = q.Idempotency?.Fingerprint,
    };

    public Questionnaire ToDomain() => new(Id, Title, (Window?)Window,
        Questions.Select(x => new Question(x.Number, x.Text, x.ScaleMin, x.ScaleMax)).ToList(),
        MongoValues.Instant(CreatedAt), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}

internal sealed class QuestionDocument
{
    [BsonElement("number")] public int Number { get; set; }
    [BsonElement("text")] public string Text { get; set; } = "";
    [BsonElement("scaleMin")] public int ScaleMin { get; set; }
    [BsonElement("scaleMax")] public int ScaleMax { get; set; }
}

/// <summary>A response in the <c>questionnaireResponses</c> collection, its answers embedded.</summary>
internal sealed class ResponseDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("questionnaireId")] public string QuestionnaireId { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("answers")] public List<AnswerDocument> Answers { get; set; } = [];
    [BsonElement("comment"), BsonIgnoreIfNull] public string? Comment { get; set; }
    [BsonElement("submittedAt")] public DateTime SubmittedAt { get; set; }
    [BsonElement("submittedOn")] public string SubmittedOn { get; set; } = "";
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static ResponseDocument From(QuestionnaireResponse r) => new()
    {
        Id = r.Id,
        QuestionnaireId = r.QuestionnaireId,
        Window = (int)r.Window,
        Answers = r.Answers.Select(a => new AnswerDocument { Question = a.QuestionNumber, Score = a.Score }).ToList(),
        Comment = r.Comment,
        SubmittedAt = r.SubmittedAt.UtcDateTime,
        SubmittedOn = MongoValues.Day(r.SubmittedOn),
        IdempotencyKey = r.Idempotency?.Key,
        Fingerprint = r.Idempotency?.Fingerprint,
    };

    public QuestionnaireResponse ToDomain() => new(Id, QuestionnaireId, (Window)Window,
        Answers.Select(a => new Answer(a.Question, a.Score)).ToList(), Comment, MongoValues.Instant(SubmittedAt),
        MongoValues.Day(SubmittedOn), MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}

internal sealed class AnswerDocument
{
    [BsonElement("question")] public int Question { get; set; }
    [BsonElement("score")] public int Score { get; set; }
}

/// <summary>The output of the score-count pipeline: <c>{ _id: { question, score }, count }</c>.</summary>
internal sealed class ScoreCountDocument
{
    [BsonId] public AnswerDocument Key { get; set; } = new();
    [BsonElement("count")] public int Count { get; set; }
}
