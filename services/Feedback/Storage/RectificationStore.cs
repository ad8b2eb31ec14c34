using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Storage;

/// <summary>Rectification cases, their history inside them. Their figures are counted by the engine, as ratings' are.</summary>
internal sealed class RectificationStore(IDocumentStore store) : IRectificationStore
{
    public Task<RectificationCase?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(FeedbackDocuments.Cases, caseId, cancellationToken);

    public async Task<bool> SaveStepAsync(RectificationCase updated, int expectedVersion, string? voidRatingId,
        IReadOnlyList<OutboxMessage>? events = null, CancellationToken cancellationToken = default)
    {
        var batch = new WriteBatch().Replace(FeedbackDocuments.Cases, updated, expectedVersion);
        if (voidRatingId is not null && await store.GetAsync(FeedbackDocuments.Ratings, voidRatingId, cancellationToken) is { } rating)
            batch.Replace(FeedbackDocuments.Ratings, rating.Document with { Voided = true }, rating.Version);
        return await store.CommitUnlessStaleAsync(batch.Outbox(events), cancellationToken);
    }

    public Task<IReadOnlyList<RectificationCase>> ListOverdueAsync(Window? window, DateOnly today, int limit,
        CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(FeedbackDocuments.Cases, (window is { } w ? DocumentQuery.Where("window", w) : DocumentQuery.All)
            .AndBefore("openDeadline", today).OrderBy("openDeadline").Take(limit), cancellationToken);

    public Task<IReadOnlyList<RectificationCase>> ListAsync(Window window, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(FeedbackDocuments.Cases, DocumentQuery.Where("window", window).AndBetween("openedOn", period.From, period.To)
            .OrderByDescending("openedOn").OrderByDescending("id").Take(limit), cancellationToken);

    public async Task<RectificationFigures> CountAsync(RatingScope scope, ReportingPeriod period, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var opened = FeedbackDocuments.Of(scope).AndBetween("openedOn", period.From, period.To);
        // closedOnTime: null while open, 1 closed by the deadline, 0 closed after it.
        var byEnd = await store.GroupAsync(FeedbackDocuments.Cases, opened, ["closedOnTime"], cancellationToken: cancellationToken);
        int Count(Func<object?, bool> end) => (int)byEnd.Where(g => end(g.Key[0])).Sum(g => g.Count);
        var overdue = await store.CountAsync(FeedbackDocuments.Cases, opened.AndBefore("openDeadline", today), cancellationToken);
        return new RectificationFigures(Count(_ => true), Count(end => end is not null), Count(end => end is 1L), (int)overdue);
    }
}
