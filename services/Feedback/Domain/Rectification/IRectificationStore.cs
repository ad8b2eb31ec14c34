using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Rectification cases and their history. Cases are opened with their rating (see
/// <see cref="IRatingStore.AddAsync"/>) and never deleted.</summary>
public interface IRectificationStore
{
    Task<RectificationCase?> FindAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Saves a case after one step (the last of its <see cref="RectificationCase.Steps"/>), if nobody saved it
    /// since version <paramref name="expectedVersion"/>; for an upheld appeal, voids <paramref name="voidRatingId"/> so
    /// it no longer counts, and enqueues <paramref name="events"/> in the outbox: all in one write. False (and nothing
    /// written) when someone else was first.</summary>
    Task<bool> SaveStepAsync(RectificationCase updated, int expectedVersion, string? voidRatingId,
        IReadOnlyList<OutboxMessage>? events = null, CancellationToken cancellationToken = default);

    /// <summary>Open cases whose deadline has passed (before <paramref name="today"/>), oldest deadline first.</summary>
    Task<IReadOnlyList<RectificationCase>> ListOverdueAsync(Window? window, DateOnly today, int limit, CancellationToken cancellationToken = default);

    /// <summary>A window's cases opened in the period, latest first.</summary>
    Task<IReadOnlyList<RectificationCase>> ListAsync(Window window, ReportingPeriod period, int limit, CancellationToken cancellationToken = default);

    /// <summary>Cases of a window or a staff member opened in the period, counted by the store.</summary>
    Task<RectificationFigures> CountAsync(RatingScope scope, ReportingPeriod period, DateOnly today, CancellationToken cancellationToken = default);
}
