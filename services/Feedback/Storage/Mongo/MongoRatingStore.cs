using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoRatingStore(IMongoDatabase database) : IRatingStore
{
    public const string CollectionName = "ratings";
    public const string ServiceReferenceIndex = "ux_ratings_service_reference";
    public const string IdempotencyIndex = "ux_ratings_idempotency_key";
    public const string WindowDayIndex = "ix_ratings_window_day";
    public const string StaffDayIndex = "ix_ratings_staff_day";

    private IMongoCollection<RatingDocument> Ratings => database.GetCollection<RatingDocument>(CollectionName);

    public async Task<AddOutcome> AddAsync(Rating rating, RectificationCase? openedCase = null, CancellationToken cancellationToken = default)
    {
        if (openedCase is null) return await Ratings.InsertAsync(RatingDocument.From(rating), IdempotencyIndex, cancellationToken);

        // A bad rating and the case it opens are written together or not at all.
        using var session = await database.Client.StartSessionAsync(cancellationToken: cancellationToken);
        session.StartTransaction();
        var outcome = await Ratings.InsertAsync(RatingDocument.From(rating), IdempotencyIndex, cancellationToken, session);
        if (outcome != AddOutcome.Added)
        {
            await session.AbortTransactionAsync(cancellationToken);
            return outcome;
        }
        await database.GetCollection<CaseDocument>(MongoRectificationStore.CollectionName)
            .InsertOneAsync(session, CaseDocument.From(openedCase), cancellationToken: cancellationToken);
        await session.CommitTransactionAsync(cancellationToken);
        return outcome;
    }

    public async Task<Rating?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        (await Ratings.Find(Builders<RatingDocument>.Filter.Eq(d => d.ServiceReference, serviceReference)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default) =>
        (await Ratings.Find(ById(ratingId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<Rating?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await Ratings.Find(ByIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var rows = await (await Ratings.AggregateAsync(SummaryPipeline(scope, period), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        return new SatisfactionFigures(rows.Select(r => KeyValuePair.Create((RatingLevel)r.Level, r.Count)));
    }

    public async Task<IReadOnlyList<MonthLevelCount>> CountByMonthAndLevelAsync(RatingScope scope, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        var rows = await (await Ratings.AggregateAsync(TrendPipeline(scope, period), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MonthLevelCount(r["_id"]["month"].AsString, (RatingLevel)r["_id"]["level"].AsInt32, r["count"].AsInt32)).ToList();
    }

    public async Task<IReadOnlyList<StaffLevelCount>> CountByStaffAndLevelAsync(Window window, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        var rows = await (await Ratings.AggregateAsync(StaffPipeline(window, period), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StaffLevelCount(r["_id"]["staffId"].AsString, (RatingLevel)r["_id"]["level"].AsInt32, r["count"].AsInt32)).ToList();
    }

    /// <summary>A window's counted ratings that name a staff member, counted per (staff member, level) in the server.</summary>
    internal static PipelineDefinition<RatingDocument, BsonDocument> StaffPipeline(Window window, ReportingPeriod period) =>
        new EmptyPipelineDefinition<RatingDocument>()
            .Match(InScope(new RatingScope.OfWindow(window), period) & Builders<RatingDocument>.Filter.Ne(d => d.StaffId, null))
            .Group<RatingDocument, RatingDocument, BsonDocument>(new BsonDocument
            {
                { "_id", new BsonDocument { { "staffId", "$staffId" }, { "level", "$level" } } },
                { "count", new BsonDocument("$sum", 1) },
            });

    /// <summary>Counts per (month, level), the month cut from the YYYY-MM-DD office day, grouped in the server.</summary>
    internal static PipelineDefinition<RatingDocument, BsonDocument> TrendPipeline(RatingScope scope, ReportingPeriod period) =>
        new EmptyPipelineDefinition<RatingDocument>()
            .Match(InScope(scope, period))
            .Group<RatingDocument, RatingDocument, BsonDocument>(new BsonDocument
            {
                { "_id", new BsonDocument
                    {
                        { "month", new BsonDocument("$substrBytes", new BsonArray { "$ratedOn", 0, 7 }) },
                        { "level", "$level" },
                    }
                },
                { "count", new BsonDocument("$sum", 1) },
            });

    internal static FilterDefinition<RatingDocument> ById(string id) => Builders<RatingDocument>.Filter.Eq(d => d.Id, id);

    internal static UpdateDefinition<RatingDocument> Void() => Builders<RatingDocument>.Update.Set(d => d.Voided, true);

    internal static FilterDefinition<RatingDocument> ByIdempotencyKey(string key) =>
        Builders<RatingDocument>.Filter.Eq(d => d.IdempotencyKey, key);

    /// <summary>The counted (not voided) ratings of a window or staff member whose office day lies in the period:
    /// equalities on the scope and voided, a range on the day, which the (scope, voided, ratedOn, level) indexes answer.</summary>
    internal static FilterDefinition<RatingDocument> InScope(RatingScope scope, ReportingPeriod period)
    {
        var filter = Builders<RatingDocument>.Filter;
        var filters = new List<FilterDefinition<RatingDocument>>
        {
            scope switch
            {
                RatingScope.OfWindow w => filter.Eq(d => d.Window, (int)w.Window),
                RatingScope.OfStaff s => filter.Eq(d => d.StaffId, s.StaffId),
                _ => throw new ArgumentOutOfRangeException(nameof(scope)),
            },
            filter.Eq(d => d.Voided, false),
        };
        if (period.From is { } from) filters.Add(filter.Gte(d => d.RatedOn, Dates.Format(from)));
        if (period.To is { } to) filters.Add(filter.Lte(d => d.RatedOn, Dates.Format(to)));
        return filter.And(filters);
    }

    /// <summary>Counts per level, grouped by the server: only five small rows come back however many ratings match.</summary>
    internal static PipelineDefinition<RatingDocument, LevelCountDocument> SummaryPipeline(RatingScope scope, ReportingPeriod period) =>
        new EmptyPipelineDefinition<RatingDocument>()
            .Match(InScope(scope, period))
            .Group<RatingDocument, RatingDocument, LevelCountDocument>(
                new BsonDocument { { "_id", "$level" }, { "count", new BsonDocument("$sum", 1) } });

    internal static IEnumerable<CreateIndexModel<RatingDocument>> Indexes() =>
    [
        new(Builders<RatingDocument>.IndexKeys.Ascending(d => d.ServiceReference),
            new CreateIndexOptions { Name = ServiceReferenceIndex, Unique = true }),
        MongoInserts.UniqueWhenPresent<RatingDocument>("idempotencyKey", IdempotencyIndex),
        new(Builders<RatingDocument>.IndexKeys.Ascending(d => d.Window).Ascending(d => d.Voided).Ascending(d => d.RatedOn).Ascending(d => d.Level),
            new CreateIndexOptions { Name = WindowDayIndex }),
        new(Builders<RatingDocument>.IndexKeys.Ascending(d => d.StaffId).Ascending(d => d.Voided).Ascending(d => d.RatedOn).Ascending(d => d.Level),
            new CreateIndexOptions { Name = StaffDayIndex }),
    ];
}
