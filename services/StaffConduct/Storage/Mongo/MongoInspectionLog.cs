using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoInspectionLog(IMongoDatabase database) : IInspectionLog
{
    public const string CollectionName = "inspections";

    private readonly IMongoCollection<InspectionDocument> _inspections = database.GetCollection<InspectionDocument>(CollectionName);

    public Task<bool> AddAsync(Inspection inspection, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        _inspections.InsertOnceAsync(InspectionDocument.From(inspection, tag), cancellationToken);

    public async Task<Remembered<Inspection>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _inspections.Find(Builders<InspectionDocument>.Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Inspection>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<IReadOnlyList<Inspection>> ListAsync(IReadOnlyCollection<string> staffIds, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return [];
        var found = await _inspections.Find(ByStaffBetween(staffIds, from, to)).Sort(NewestFirst).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    /// <summary>The staff members' inspections observed between the dates; "YYYY-MM-DD" strings compare as dates.</summary>
    internal static FilterDefinition<InspectionDocument> ByStaffBetween(IEnumerable<string> staffIds, DateOnly? from, DateOnly? to)
    {
        var f = Builders<InspectionDocument>.Filter;
        var filter = f.In(d => d.StaffId, staffIds);
        if (from is { } start) filter &= f.Gte(d => d.ObservedOn, Dates.Format(start));
        if (to is { } end) filter &= f.Lte(d => d.ObservedOn, Dates.Format(end));
        return filter;
    }

    internal static readonly SortDefinition<InspectionDocument> NewestFirst = Builders<InspectionDocument>.Sort
        .Descending(d => d.ObservedOn).Descending(d => d.RecordedAt).Ascending(d => d.Id);

    internal static IEnumerable<CreateIndexModel<InspectionDocument>> Indexes()
    {
        yield return MongoValues.UniqueWhenPresent<InspectionDocument>("idempotency_key", MongoValues.IdempotencyIndex);
        yield return new(Builders<InspectionDocument>.IndexKeys.Ascending(d => d.StaffId).Ascending(d => d.ObservedOn),
            new CreateIndexOptions { Name = "staff_observed" });
    }
}
