using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoAppraisalStore(IMongoDatabase database) : IAppraisalStore
{
    public const string CollectionName = "appraisalMeetings";
    public const string IdempotencyIndex = "ux_meetings_idempotency_key";
    public const string HeldIndex = "ix_meetings_held";
    public const string WindowIndex = "ix_meetings_window_held";

    private IMongoCollection<MeetingDocument> Meetings => database.GetCollection<MeetingDocument>(CollectionName);

    public Task<AddOutcome> AddAsync(AppraisalMeeting meeting, CancellationToken cancellationToken = default) =>
        Meetings.InsertAsync(MeetingDocument.From(meeting), IdempotencyIndex, cancellationToken);

    public async Task<AppraisalMeeting?> FindAsync(string meetingId, CancellationToken cancellationToken = default) =>
        (await Meetings.Find(Builders<MeetingDocument>.Filter.Eq(d => d.Id, meetingId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<AppraisalMeeting?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await Meetings.Find(Builders<MeetingDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<AppraisalMeeting>> ListAsync(ReportingPeriod period, int limit, CancellationToken cancellationToken = default) =>
        (await Meetings.Find(HeldIn(period))
            .Sort(Builders<MeetingDocument>.Sort.Descending(d => d.HeldOn).Descending(d => d.Id))
            .Limit(limit)
            .ToListAsync(cancellationToken)).Select(d => d.ToDomain()).ToList();

    public async Task<AppraisalFigures> ScoreOfAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = await (await Meetings.AggregateAsync(ScorePipeline(window, period), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault() is { } r ? new AppraisalFigures(r.Meetings, r.Average) : AppraisalFigures.None;
    }

    internal static FilterDefinition<MeetingDocument> HeldIn(ReportingPeriod period)
    {
        var filter = Builders<MeetingDocument>.Filter;
        var held = filter.Empty;
        if (period.From is { } from) held &= filter.Gte(d => d.HeldOn, MongoValues.Day(from));
        if (period.To is { } to) held &= filter.Lte(d => d.HeldOn, MongoValues.Day(to));
        return held;
    }

    /// <summary>The meetings of the period that scored the window, then that window's score from each, averaged in the server.</summary>
    internal static PipelineDefinition<MeetingDocument, AppraisalFiguresDocument> ScorePipeline(Window window, ReportingPeriod period) =>
        new EmptyPipelineDefinition<MeetingDocument>()
            .Match(HeldIn(period) & Builders<MeetingDocument>.Filter.Eq("scores.window", (int)window))
            .AppendStage<MeetingDocument, MeetingDocument, BsonDocument>(new BsonDocument("$unwind", "$scores"))
            .AppendStage<MeetingDocument, BsonDocument, BsonDocument>(new BsonDocument("$match", new BsonDocument("scores.window", (int)window)))
            .AppendStage<MeetingDocument, BsonDocument, AppraisalFiguresDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", BsonNull.Value },
                { "meetings", new BsonDocument("$sum", 1) },
                { "average", new BsonDocument("$avg", "$scores.score") },
            }));

    internal static IEnumerable<CreateIndexModel<MeetingDocument>> Indexes() =>
    [
        MongoInserts.UniqueWhenPresent<MeetingDocument>("idempotencyKey", IdempotencyIndex),
        new(Builders<MeetingDocument>.IndexKeys.Descending(d => d.HeldOn), new CreateIndexOptions { Name = HeldIndex }),
        new(Builders<MeetingDocument>.IndexKeys.Ascending("scores.window").Ascending(d => d.HeldOn), new CreateIndexOptions { Name = WindowIndex }),
    ];
}
