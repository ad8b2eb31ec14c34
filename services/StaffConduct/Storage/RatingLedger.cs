using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class RatingLedger(IDocumentStore store) : IRatingLedger
{
    public Task<bool> AddRatingAsync(ServiceRating rating, CancellationToken cancellationToken = default) =>
        store.InsertOnceAsync(Ratings, rating, cancellationToken);

    public Task<ServiceRating?> FindRatingAsync(string ratingId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(Ratings, ratingId, cancellationToken);

    public Task<bool> AddClosureAsync(RectificationClosure closure, CancellationToken cancellationToken = default) =>
        store.InsertOnceAsync(Closures, closure, cancellationToken);

    public Task<RectificationClosure?> FindClosureAsync(string caseId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(Closures, caseId, cancellationToken);

    public async Task<IReadOnlyList<Complaint>> ComplaintsAsync(string staffId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var ratings = await store.DocumentsAsync(Ratings, DocumentQuery.Where("staff", staffId).And("complaint", true)
            .AndBetween("ratedOn", from, to).OrderByDescending("ratedOn").OrderByDescending("recordedAt"), cancellationToken);
        if (ratings.Count == 0) return [];
        var closures = (await store.DocumentsAsync(Closures, DocumentQuery.All.AndIn("rating", ratings.Select(r => r.RatingId)), cancellationToken))
            .ToLookup(c => c.RatingId);
        return ratings.Select(r => new Complaint(r, closures[r.RatingId].FirstOrDefault())).ToList();
    }
}
