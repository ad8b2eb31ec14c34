namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The ratings reported by the feedback service and the closes of their rectification cases (port).</summary>
public interface IRatingLedger
{
    /// <summary>Stores a rating; false when one with its rating id is already stored (nothing stored then).</summary>
    Task<bool> AddRatingAsync(ServiceRating rating, CancellationToken cancellationToken = default);

    Task<ServiceRating?> FindRatingAsync(string ratingId, CancellationToken cancellationToken = default);

    /// <summary>Stores the close of a case; false when that case's close is already stored (nothing stored then).</summary>
    Task<bool> AddClosureAsync(RectificationClosure closure, CancellationToken cancellationToken = default);

    Task<RectificationClosure?> FindClosureAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The bad ratings of a staff member rated between the dates (inclusive, either open), newest first,
    /// each with the close of its case when one is stored (matched by rating id).</summary>
    Task<IReadOnlyList<Complaint>> ComplaintsAsync(string staffId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default);
}
