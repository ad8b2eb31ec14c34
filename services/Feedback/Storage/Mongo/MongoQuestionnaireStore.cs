using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoQuestionnaireStore(IMongoDatabase database) : IQuestionnaireStore
{
    public const string CollectionName = "questionnaires";
    public const string ResponsesCollectionName = "questionnaireResponses";
    public const string IdempotencyIndex = "ux_questionnaires_idempotency_key";
    public const string ResponseIdempotencyIndex = "ux_responses_idempotency_key";
    public const string ResponseScopeIndex = "ix_responses_scope";

    private IMongoCollection<QuestionnaireDocument> Questionnaires => database.GetCollection<QuestionnaireDocument>(CollectionName);
    private IMongoCollection<ResponseDocument> Responses => database.GetCollection<ResponseDocument>(ResponsesCollectionName);

    public Task<AddOutcome> AddAsync(Questionnaire questionnaire, CancellationToken cancellationToken = default) =>
        Questionnaires.InsertAsync(QuestionnaireDocument.From(questionnaire), IdempotencyIndex, cancellationToken);

    public async Task<Questionnaire?> FindAsync(string questionnaireId, CancellationToken cancellationToken = default) =>
        (await Questionnaires.Find(Builders<QuestionnaireDocument>.Filter.Eq(d => d.Id, questionnaireId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<Questionnaire?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await Questionnaires.Find(Builders<QuestionnaireDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public Task<AddOutcome> AddResponseAsync(QuestionnaireResponse response, CancellationToken cancellationToken = default) =>
        Responses.InsertAsync(ResponseDocument.From(response), ResponseIdempotencyIndex, cancellationToken);

    public async Task<QuestionnaireResponse?> FindResponseByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await Responses.Find(Builders<ResponseDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<ScoreCount>> CountScoresAsync(string questionnaireId, Window? window, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        var rows = await (await Responses.AggregateAsync(ScoresPipeline(questionnaireId, window, period), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ScoreCount(r.Key.Question, r.Key.Score, r.Count)).ToList();
    }

    public async Task<int> CountResponsesAsync(string questionnaireId, Window? window, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        (int)await Responses.CountDocumentsAsync(InScope(questionnaireId, window, period), cancellationToken: cancellationToken);

    internal static FilterDefinition<ResponseDocument> InScope(string questionnaireId, Window? window, ReportingPeriod period)
    {
        var filter = Builders<ResponseDocument>.Filter;
        var scope = filter.Eq(d => d.QuestionnaireId, questionnaireId);
        if (window is { } w) scope &= filter.Eq(d => d.Window, (int)w);
        if (period.From is { } from) scope &= filter.Gte(d => d.SubmittedOn, MongoValues.Day(from));
        if (period.To is { } to) scope &= filter.Lte(d => d.SubmittedOn, MongoValues.Day(to));
        return scope;
    }

    /// <summary>Answers counted per (question, score) in the server.</summary>
    internal static PipelineDefinition<ResponseDocument, ScoreCountDocument> ScoresPipeline(string questionnaireId, Window? window, ReportingPeriod period) =>
        new EmptyPipelineDefinition<ResponseDocument>()
            .Match(InScope(questionnaireId, window, period))
            .AppendStage<ResponseDocument, ResponseDocument, BsonDocument>(new BsonDocument("$unwind", "$answers"))
            .AppendStage<ResponseDocument, BsonDocument, ScoreCountDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument { { "question", "$answers.question" }, { "score", "$answers.score" } } },
                { "count", new BsonDocument("$sum", 1) },
            }));

    internal static IEnumerable<CreateIndexModel<QuestionnaireDocument>> Indexes() =>
        [MongoInserts.UniqueWhenPresent<QuestionnaireDocument>("idempotencyKey", IdempotencyIndex)];

    internal static IEnumerable<CreateIndexModel<ResponseDocument>> ResponseIndexes() =>
    [
        MongoInserts.UniqueWhenPresent<ResponseDocument>("idempotencyKey", ResponseIdempotencyIndex),
        new(Builders<ResponseDocument>.IndexKeys.Ascending(d => d.QuestionnaireId).Ascending(d => d.Window).Ascending(d => d.SubmittedOn),
            new CreateIndexOptions { Name = ResponseScopeIndex }),
    ];
}
