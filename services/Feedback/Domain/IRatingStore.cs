namespace CivilAffairs.Feedback.Domain;

/// <summary>The ratings archive. Ratings are never changed or deleted.</summary>
public interface IRatingStore
{
    /// <summary>Stores a new rating. Refuses a second rating of the same service reference, and a second record
    /// under the same idempotency key, by saying which one clashed (nothing is written then).</summary>
    Task<AddOutcome> AddAsync(Rating rating, CancellationToken cancellationToken = default);

    Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default);

    Task<Rating?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Counts per level of the ratings in scope whose office day lies in the period, counted by the store
    /// (an index, not a scan of every rating).</summary>
    Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default);
}
