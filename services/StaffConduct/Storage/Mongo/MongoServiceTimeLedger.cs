using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoServiceTimeLedger(IMongoDatabase database) : IServiceTimeLedger
{
    public const string CollectionName = "service_times";

    private readonly IMongoCollection<ServiceTimeDocument> _times = database.GetCollection<ServiceTimeDocument>(CollectionName);

    public Task<bool> AddAsync(ServiceTimeRecord r, string fingerprint, CancellationToken cancellationToken = default) =>
        _times.InsertOnceAsync(new ServiceTimeDocument
        {
            EventId = r.EventId, ItemId = r.ItemId, CompletedOn = Dates.Format(r.CompletedOn), Month = Month.Of(r.CompletedOn).ToString(),
            Elapsed = r.Elapsed, PromisedValue = r.Promised.Value, PromisedUnit = (int)r.Promised.Unit, WithinPromise = r.WithinPromise,
            ReceivedAt = r.ReceivedAt.UtcDateTime, RequestFingerprint = fingerprint,
        }, cancellationToken, indexName: null);

    public async Task<Remembered<ServiceTimeRecord>?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var d = await _times.Find(Builders<ServiceTimeDocument>.Filter.Eq(x => x.EventId, eventId)).FirstOrDefaultAsync(cancellationToken);
        return d is null
            ? null
            : new Remembered<ServiceTimeRecord>(new ServiceTimeRecord(d.EventId, d.ItemId, Dates.ParseDate(d.CompletedOn, "completed_on"), d.Elapsed,
                new TimeLimit(d.PromisedValue, (TimeLimitUnit)d.PromisedUnit), MongoValues.Instant(d.ReceivedAt)), d.RequestFingerprint);
    }

    public async Task<(int Cases, int WithinPromise)> MonthAsync(string itemId, Month month, CancellationToken cancellationToken = default)
    {
        var found = await _times.Find(OfMonth(itemId, month)).Project(d => d.WithinPromise).ToListAsync(cancellationToken);
        return (found.Count, found.Count(within => within));
    }

    internal static FilterDefinition<ServiceTimeDocument> OfMonth(string itemId, Month month)
    {
        var f = Builders<ServiceTimeDocument>.Filter;
        return f.And(f.Eq(d => d.ItemId, itemId), f.Eq(d => d.Month, month.ToString()));
    }

    internal static IEnumerable<CreateIndexModel<ServiceTimeDocument>> Indexes()
    {
        yield return new(Builders<ServiceTimeDocument>.IndexKeys.Ascending(d => d.ItemId).Ascending(d => d.Month),
            new CreateIndexOptions { Name = "item_month" });
    }
}
