using CivilAffairs.Feedback.Domain;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>Ports kept in lists, for domain tests that need no database; they honour the same unique keys.</summary>
internal sealed class InMemoryRatingStore : IRatingStore
{
    public List<Rating> Rows { get; } = [];
    public List<RectificationCase> OpenedCases { get; } = [];

    public Task<AddOutcome> AddAsync(Rating rating, RectificationCase? openedCase = null, CancellationToken cancellationToken = default)
    {
        lock (Rows)
        {
            if (rating.Idempotency is { } i && Rows.Any(r => r.Idempotency?.Key == i.Key)) return Task.FromResult(AddOutcome.DuplicateIdempotencyKey);
            if (Rows.Any(r => r.ServiceReference == rating.ServiceReference)) return Task.FromResult(AddOutcome.Duplicate);
            Rows.Add(rating);
            if (openedCase is not null) OpenedCases.Add(openedCase);
            return Task.FromResult(AddOutcome.Added);
        }
    }

    public Task<Rating?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.ServiceReference == serviceReference));

    public Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Id == ratingId));

    public Task<Rating?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Idempotency?.Key == key));

    public Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SatisfactionFigures(Rows
            .Where(r => period.Contains(r.RatedOn))
            .Where(r => scope is RatingScope.OfWindow w ? r.Window == w.Window : r.StaffId == ((RatingScope.OfStaff)scope).StaffId)
            .GroupBy(r => r.Level)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))));
}

internal sealed class InMemorySuggestionStore : ISuggestionStore
{
    public List<Suggestion> Rows { get; } = [];

    public Task<AddOutcome> AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default)
    {
        if (suggestion.Idempotency is { } i && Rows.Any(r => r.Idempotency?.Key == i.Key)) return Task.FromResult(AddOutcome.DuplicateIdempotencyKey);
        Rows.Add(suggestion);
        return Task.FromResult(AddOutcome.Added);
    }

    public Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Id == suggestionId));

    public Task<Suggestion?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Idempotency?.Key == key));
}

internal sealed class InMemoryInvitationStore : IInvitationStore
{
    public List<Invitation> Rows { get; } = [];

    public Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        if (invitation.Idempotency is { } i && Rows.Any(r => r.Idempotency?.Key == i.Key)) return Task.FromResult(AddOutcome.DuplicateIdempotencyKey);
        if (Rows.Any(r => r.ServiceReference == invitation.ServiceReference)) return Task.FromResult(AddOutcome.Duplicate);
        Rows.Add(invitation);
        return Task.FromResult(AddOutcome.Added);
    }

    public Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Id == invitationId));

    public Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.ServiceReference == serviceReference));

    public Task<Invitation?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Idempotency?.Key == key));
}
