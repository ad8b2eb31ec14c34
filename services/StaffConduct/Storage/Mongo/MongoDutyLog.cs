using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoDutyLog(IMongoDatabase database) : IDutyLog
{
    public const string CollectionName = "duty_log";

    private readonly IMongoCollection<DutyRecordDocument> _log = database.GetCollection<DutyRecordDocument>(CollectionName);

    public Task<bool> AddAsync(DutyRecord record, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        _log.InsertOnceAsync(DutyRecordDocument.From(record, tag), cancellationToken);

    public async Task<Remembered<DutyRecord>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _log.Find(Builders<DutyRecordDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<DutyRecord>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<IReadOnlyList<DutyRecord>> ListForDayAsync(IReadOnlyCollection<string> staffIds, DateOnly date, CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return [];
        var found = await _log.Find(ForDay(staffIds, date)).Sort(LatestFirst).ToListAsync(cancellationToken);
        return found.GroupBy(d => d.StaffId).Select(g => g.First().ToDomain()).ToList();
    }

    internal static FilterDefinition<DutyRecordDocument> ForDay(IEnumerable<string> staffIds, DateOnly date)
    {
        var f = Builders<DutyRecordDocument>.Filter;
        return f.And(f.Eq(d => d.Date, Dates.Format(date)), f.In(d => d.StaffId, staffIds));
    }

    internal static readonly SortDefinition<DutyRecordDocument> LatestFirst = Builders<DutyRecordDocument>.Sort.Descending(d => d.Id);

    internal static IEnumerable<CreateIndexModel<DutyRecordDocument>> Indexes()
    {
        yield return MongoValues.UniqueWhenPresent<DutyRecordDocument>("idempotency_key", MongoValues.IdempotencyIndex);
        yield return new(Builders<DutyRecordDocument>.IndexKeys.Ascending(d => d.Date).Ascending(d => d.StaffId).Descending(d => d.Id),
            new CreateIndexOptions { Name = "day_staff" });
    }
}
