using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoCaseLedger(IMongoDatabase database) : ICaseLedger
{
    public const string CollectionName = "case_reports";

    private readonly IMongoCollection<CaseReportDocument> _reports = database.GetCollection<CaseReportDocument>(CollectionName);

    // The event id is the document id: a report of an event already stored is not written again.
    public Task<bool> AddAsync(CaseReport report, string fingerprint, CancellationToken cancellationToken = default) =>
        _reports.InsertOnceAsync(CaseReportDocument.From(report, fingerprint), cancellationToken, indexName: null);

    public async Task<Remembered<CaseReport>?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var found = await _reports.Find(Builders<CaseReportDocument>.Filter.Eq(d => d.EventId, eventId)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<CaseReport>(found.ToDomain(), found.RequestFingerprint);
    }

    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(IReadOnlyCollection<string> staffIds, Month month,
        CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return new Dictionary<string, int>();
        var found = await _reports.Find(OfMonth(staffIds, month)).ToListAsync(cancellationToken);
        return found.GroupBy(d => d.StaffId).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
    }

    internal static FilterDefinition<CaseReportDocument> OfMonth(IEnumerable<string> staffIds, Month month)
    {
        var f = Builders<CaseReportDocument>.Filter;
        return f.And(f.Eq(d => d.Month, month.ToString()), f.In(d => d.StaffId, staffIds));
    }

    internal static IEnumerable<CreateIndexModel<CaseReportDocument>> Indexes()
    {
        yield return new(Builders<CaseReportDocument>.IndexKeys.Ascending(d => d.Month).Ascending(d => d.StaffId),
            new CreateIndexOptions { Name = "month_staff" });
    }
}
