using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The ratings archive. Ratings are never deleted; the only change is voiding one on an upheld appeal.</summary>
public interface IRatingStore
{
    /// <summary>Stores a new rating, and the rectification case it opens when it is a bad one, in one write.
    /// <see cref="AddOutcome.Duplicate"/> (and nothing written) for a second rating of the same service or through the
    /// same invitation. <paramref name="events"/> go to the outbox in the same write, only when the rating is stored.</summary>
    Task<AddOutcome> AddAsync(Rating rating, RectificationCase? openedCase = null, IReadOnlyList<OutboxMessage>? events = null,
        CancellationToken cancellationToken = default);

    Task<Rating?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default);

    Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default);

    /// <summary>Counts per level of the ratings in scope (voided ones left out) whose office day lies in the period, counted by the store
    /// (an index, not a scan of every rating), with the number voided on appeal.</summary>
    Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Counts per staff member and level of a window's counted ratings in the period (staff-less ratings
    /// left out), counted by the store.</summary>
    Task<IReadOnlyList<StaffLevelCount>> CountByStaffAndLevelAsync(Window window, ReportingPeriod period,
        CancellationToken cancellationToken = default);

    /// <summary>The same counts split by calendar month of the office day ("YYYY-MM"), counted by the store.</summary>
    Task<IReadOnlyList<MonthLevelCount>> CountByMonthAndLevelAsync(RatingScope scope, ReportingPeriod period,
        CancellationToken cancellationToken = default);
}
