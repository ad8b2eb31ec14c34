using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The ratings archive. Ratings are never deleted; the only change is voiding one on an upheld appeal.</summary>
public interface IRatingStore
{
    /// <summary>Stores a new rating, and the rectification case it opens when it is a bad one, in one write.
    /// Refuses a second rating of the same service reference, and a second record under the same idempotency key,
    /// by saying which one clashed (nothing is written then).</summary>
    Task<AddOutcome> AddAsync(Rating rating, RectificationCase? openedCase = null, CancellationToken cancellationToken = default);

    Task<Rating?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default);

    Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default);

    Task<Rating?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Counts per level of the ratings in scope (voided ones left out) whose office day lies in the period, counted by the store
    /// (an index, not a scan of every rating).</summary>
    Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Counts per staff member and level of a window's counted ratings in the period (staff-less ratings
    /// left out), counted by the store.</summary>
    Task<IReadOnlyList<StaffLevelCount>> CountByStaffAndLevelAsync(Window window, ReportingPeriod period,
        CancellationToken cancellationToken = default);

    /// <summary>The same counts split by calendar month of the office day ("YYYY-MM"), counted by the store.</summary>
    Task<IReadOnlyList<MonthLevelCount>> CountByMonthAndLevelAsync(RatingScope scope, ReportingPeriod period,
        CancellationToken cancellationToken = default);
}
