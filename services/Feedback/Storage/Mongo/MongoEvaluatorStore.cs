using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoEvaluatorStore(IMongoDatabase database) : IEvaluatorStore
{
    public const string CollectionName = "evaluators";
    public const string ReportsCollectionName = "inspectionReports";
    public const string IdempotencyIndex = "ux_evaluators_idempotency_key";
    public const string TermIndex = "ix_evaluators_term";
    public const string ReportIdempotencyIndex = "ux_reports_idempotency_key";
    public const string ReportWindowIndex = "ix_reports_window_day";

    private IMongoCollection<EvaluatorDocument> EvaluatorsCollection => database.GetCollection<EvaluatorDocument>(CollectionName);
    private IMongoCollection<ReportDocument> Reports => database.GetCollection<ReportDocument>(ReportsCollectionName);

    public Task<AddOutcome> AddAsync(Evaluator evaluator, CancellationToken cancellationToken = default) =>
        EvaluatorsCollection.InsertAsync(EvaluatorDocument.From(evaluator), IdempotencyIndex, cancellationToken);

    public async Task<Evaluator?> FindAsync(string evaluatorId, CancellationToken cancellationToken = default) =>
        (await EvaluatorsCollection.Find(Builders<EvaluatorDocument>.Filter.Eq(d => d.Id, evaluatorId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<Evaluator?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await EvaluatorsCollection.Find(Builders<EvaluatorDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<Evaluator>> ListInTermAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await EvaluatorsCollection.Find(InTermOn(day))
            .Sort(Builders<EvaluatorDocument>.Sort.Ascending(d => d.AppointedAt).Ascending(d => d.Id))
            .ToListAsync(cancellationToken)).Select(d => d.ToDomain()).ToList();

    public Task<AddOutcome> AddReportAsync(InspectionReport report, CancellationToken cancellationToken = default) =>
        Reports.InsertAsync(ReportDocument.From(report), ReportIdempotencyIndex, cancellationToken);

    public async Task<InspectionReport?> FindReportByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await Reports.Find(Builders<ReportDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<InspectionReport>> ListReportsAsync(Window window, string? staffId, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default) =>
        (await Reports.Find(ReportsOf(window, staffId, period))
            .Sort(Builders<ReportDocument>.Sort.Descending(d => d.VisitedOn).Descending(d => d.Id))
            .Limit(limit)
            .ToListAsync(cancellationToken)).Select(d => d.ToDomain()).ToList();

    internal static FilterDefinition<EvaluatorDocument> InTermOn(DateOnly day) =>
        Builders<EvaluatorDocument>.Filter.Gte(d => d.TermEnd, MongoValues.Day(day))
        & Builders<EvaluatorDocument>.Filter.Lte(d => d.TermStart, MongoValues.Day(day));

    internal static FilterDefinition<ReportDocument> ReportsOf(Window window, string? staffId, ReportingPeriod period)
    {
        var filter = Builders<ReportDocument>.Filter;
        var scope = filter.Eq(d => d.Window, (int)window);
        if (staffId is not null) scope &= filter.Eq(d => d.StaffId, staffId);
        if (period.From is { } from) scope &= filter.Gte(d => d.VisitedOn, MongoValues.Day(from));
        if (period.To is { } to) scope &= filter.Lte(d => d.VisitedOn, MongoValues.Day(to));
        return scope;
    }

    internal static IEnumerable<CreateIndexModel<EvaluatorDocument>> Indexes() =>
    [
        MongoInserts.UniqueWhenPresent<EvaluatorDocument>("idempotencyKey", IdempotencyIndex),
        new(Builders<EvaluatorDocument>.IndexKeys.Ascending(d => d.TermEnd).Ascending(d => d.TermStart), new CreateIndexOptions { Name = TermIndex }),
    ];

    internal static IEnumerable<CreateIndexModel<ReportDocument>> ReportIndexes() =>
    [
        MongoInserts.UniqueWhenPresent<ReportDocument>("idempotencyKey", ReportIdempotencyIndex),
        new(Builders<ReportDocument>.IndexKeys.Ascending(d => d.Window).Descending(d => d.VisitedOn), new CreateIndexOptions { Name = ReportWindowIndex }),
    ];
}
