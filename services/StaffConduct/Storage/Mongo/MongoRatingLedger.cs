using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoRatingLedger(IMongoDatabase database) : IRatingLedger
{
    public const string RatingsCollection = "ratings";
    public const string ClosuresCollection = "rectification_closures";

    private readonly IMongoCollection<RatingDocument> _ratings = database.GetCollection<RatingDocument>(RatingsCollection);
    private readonly IMongoCollection<RectificationClosureDocument> _closures = database.GetCollection<RectificationClosureDocument>(ClosuresCollection);

    // The rating id and the case id are the document ids: a repeated delivery is not written again.
    public Task<bool> AddRatingAsync(ServiceRating rating, string fingerprint, CancellationToken cancellationToken = default) =>
        _ratings.InsertOnceAsync(RatingDocument.From(rating, fingerprint), cancellationToken, indexName: null);

    public async Task<Remembered<ServiceRating>?> FindRatingAsync(string ratingId, CancellationToken cancellationToken = default)
    {
        var found = await _ratings.Find(Builders<RatingDocument>.Filter.Eq(d => d.RatingId, ratingId)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<ServiceRating>(found.ToDomain(), found.RequestFingerprint);
    }

    public Task<bool> AddClosureAsync(RectificationClosure closure, string fingerprint, CancellationToken cancellationToken = default) =>
        _closures.InsertOnceAsync(RectificationClosureDocument.From(closure, fingerprint), cancellationToken, indexName: null);

    public async Task<Remembered<RectificationClosure>?> FindClosureAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var found = await _closures.Find(Builders<RectificationClosureDocument>.Filter.Eq(d => d.CaseId, caseId)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<RectificationClosure>(found.ToDomain(), found.RequestFingerprint);
    }

    public async Task<IReadOnlyList<Complaint>> ComplaintsAsync(string staffId, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default)
    {
        var ratings = await _ratings.Find(ComplaintsOf(staffId, from, to)).Sort(NewestFirst).ToListAsync(cancellationToken);
        if (ratings.Count == 0) return [];
        var closures = await _closures.Find(ClosuresOf(ratings.Select(r => r.RatingId))).ToListAsync(cancellationToken);
        var byRating = closures.GroupBy(c => c.RatingId).ToDictionary(g => g.Key, g => g.First().ToDomain());
        return ratings.Select(r => new Complaint(r.ToDomain(), byRating.GetValueOrDefault(r.RatingId))).ToList();
    }

    /// <summary>A staff member's bad ratings rated between the dates; "YYYY-MM-DD" strings compare as dates.</summary>
    internal static FilterDefinition<RatingDocument> ComplaintsOf(string staffId, DateOnly? from, DateOnly? to)
    {
        var f = Builders<RatingDocument>.Filter;
        var filter = f.Eq(d => d.StaffId, staffId) & f.Eq(d => d.Complaint, true);
        if (from is { } start) filter &= f.Gte(d => d.RatedOn, Dates.Format(start));
        if (to is { } end) filter &= f.Lte(d => d.RatedOn, Dates.Format(end));
        return filter;
    }

    internal static FilterDefinition<RectificationClosureDocument> ClosuresOf(IEnumerable<string> ratingIds) =>
        Builders<RectificationClosureDocument>.Filter.In(d => d.RatingId, ratingIds);

    internal static readonly SortDefinition<RatingDocument> NewestFirst = Builders<RatingDocument>.Sort
        .Descending(d => d.RatedOn).Descending(d => d.RecordedAt).Ascending(d => d.RatingId);

    internal static IEnumerable<CreateIndexModel<RatingDocument>> RatingIndexes()
    {
        yield return new(Builders<RatingDocument>.IndexKeys.Ascending(d => d.StaffId).Ascending(d => d.Complaint).Ascending(d => d.RatedOn),
            new CreateIndexOptions { Name = "staff_complaint_rated" });
    }

    internal static IEnumerable<CreateIndexModel<RectificationClosureDocument>> ClosureIndexes()
    {
        yield return new(Builders<RectificationClosureDocument>.IndexKeys.Ascending(d => d.RatingId), new CreateIndexOptions { Name = "rating" });
    }
}
