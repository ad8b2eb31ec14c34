using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoRectificationStore(IMongoDatabase database) : IRectificationStore
{
    public const string CollectionName = "rectificationCases";
    public const string RatingIndex = "ux_cases_rating";
    public const string OpenDeadlineIndex = "ix_cases_open_deadline";
    public const string WindowOpenedIndex = "ix_cases_window_opened";
    public const string StaffOpenedIndex = "ix_cases_staff_opened";

    private IMongoCollection<CaseDocument> Cases => database.GetCollection<CaseDocument>(CollectionName);

    public async Task<RectificationCase?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        (await Cases.Find(Builders<CaseDocument>.Filter.Eq(d => d.Id, caseId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<bool> SaveStepAsync(RectificationCase updated, int expectedVersion, CaseStep step, string? voidRatingId,
        CancellationToken cancellationToken = default)
    {
        var document = CaseDocument.From(updated);
        if (voidRatingId is null)
            return (await Cases.ReplaceOneAsync(AtVersion(updated.Id, expectedVersion), document, cancellationToken: cancellationToken)).ModifiedCount == 1;

        // An upheld appeal changes the case and its rating together.
        using var session = await database.Client.StartSessionAsync(cancellationToken: cancellationToken);
        session.StartTransaction();
        var replaced = await Cases.ReplaceOneAsync(session, AtVersion(updated.Id, expectedVersion), document, cancellationToken: cancellationToken);
        if (replaced.ModifiedCount != 1)
        {
            await session.AbortTransactionAsync(cancellationToken);
            return false;
        }
        await database.GetCollection<RatingDocument>(MongoRatingStore.CollectionName)
            .UpdateOneAsync(session, MongoRatingStore.ById(voidRatingId), MongoRatingStore.Void(), cancellationToken: cancellationToken);
        await session.CommitTransactionAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<RectificationCase>> ListOverdueAsync(Window? window, DateOnly today, int limit, CancellationToken cancellationToken = default)
    {
        var documents = await Cases.Find(Overdue(window, today))
            .Sort(Builders<CaseDocument>.Sort.Ascending(d => d.Deadline).Ascending(d => d.Id))
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return documents.Select(d => d.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<RectificationCase>> ListAsync(Window window, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default) =>
        (await Cases.Find(OpenedIn(new RatingScope.OfWindow(window), period))
            .Sort(Builders<CaseDocument>.Sort.Descending(d => d.OpenedOn).Descending(d => d.Id))
            .Limit(limit)
            .ToListAsync(cancellationToken)).Select(d => d.ToDomain()).ToList();

    public async Task<RectificationFigures> CountAsync(RatingScope scope, ReportingPeriod period, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await (await Cases.AggregateAsync(CountPipeline(scope, period, today), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault() is { } r ? new RectificationFigures(r.Opened, r.Closed, r.ClosedOnTime, r.Overdue) : RectificationFigures.None;
    }

    internal static FilterDefinition<CaseDocument> AtVersion(string caseId, int version) =>
        Builders<CaseDocument>.Filter.Eq(d => d.Id, caseId) & Builders<CaseDocument>.Filter.Eq(d => d.Version, version);

    /// <summary>Open cases whose deadline day is before today, optionally of one window.</summary>
    internal static FilterDefinition<CaseDocument> Overdue(Window? window, DateOnly today)
    {
        var filter = Builders<CaseDocument>.Filter;
        var overdue = filter.Eq(d => d.IsOpen, true) & filter.Lt(d => d.Deadline, MongoValues.Day(today));
        return window is { } w ? overdue & filter.Eq(d => d.Window, (int)w) : overdue;
    }

    /// <summary>A window's or staff member's cases opened in the period, counted in the server: opened, closed,
    /// closed by the deadline, and open past it.</summary>
    internal static PipelineDefinition<CaseDocument, CaseCountsDocument> CountPipeline(RatingScope scope, ReportingPeriod period, DateOnly today)
    {
        var match = OpenedIn(scope, period);
        static BsonDocument CountWhen(BsonValue condition) =>
            new("$sum", new BsonDocument("$cond", new BsonArray { condition, 1, 0 }));
        var closed = new BsonDocument("$eq", new BsonArray { "$isOpen", false });
        var open = new BsonDocument("$eq", new BsonArray { "$isOpen", true });
        return new EmptyPipelineDefinition<CaseDocument>()
            .Match(match)
            .Group<CaseDocument, CaseDocument, CaseCountsDocument>(new BsonDocument
            {
                { "_id", BsonNull.Value },
                { "opened", new BsonDocument("$sum", 1) },
                { "closed", CountWhen(closed) },
                { "closedOnTime", CountWhen(new BsonDocument("$and", new BsonArray
                    { closed, new BsonDocument("$lte", new BsonArray { "$closedOn", "$deadline" }) })) },
                { "overdue", CountWhen(new BsonDocument("$and", new BsonArray
                    { open, new BsonDocument("$lt", new BsonArray { "$deadline", MongoValues.Day(today) }) })) },
            });
    }

    /// <summary>A window's or staff member's cases opened in the period.</summary>
    internal static FilterDefinition<CaseDocument> OpenedIn(RatingScope scope, ReportingPeriod period)
    {
        var filter = Builders<CaseDocument>.Filter;
        var match = scope switch
        {
            RatingScope.OfWindow w => filter.Eq(d => d.Window, (int)w.Window),
            RatingScope.OfStaff s => filter.Eq(d => d.StaffId, s.StaffId),
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };
        if (period.From is { } from) match &= filter.Gte(d => d.OpenedOn, MongoValues.Day(from));
        if (period.To is { } to) match &= filter.Lte(d => d.OpenedOn, MongoValues.Day(to));
        return match;
    }

    internal static IEnumerable<CreateIndexModel<CaseDocument>> Indexes() =>
    [
        new(Builders<CaseDocument>.IndexKeys.Ascending(d => d.RatingId), new CreateIndexOptions { Name = RatingIndex, Unique = true }),
        new(Builders<CaseDocument>.IndexKeys.Ascending(d => d.IsOpen).Ascending(d => d.Deadline), new CreateIndexOptions { Name = OpenDeadlineIndex }),
        new(Builders<CaseDocument>.IndexKeys.Ascending(d => d.Window).Ascending(d => d.OpenedOn), new CreateIndexOptions { Name = WindowOpenedIndex }),
        new(Builders<CaseDocument>.IndexKeys.Ascending(d => d.StaffId).Ascending(d => d.OpenedOn), new CreateIndexOptions { Name = StaffOpenedIndex }),
    ];
}
