using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>Ports kept in lists, for domain tests that need no database; they honour the same unique keys.</summary>
internal sealed class InMemoryRatingStore : IRatingStore
{
    public List<Rating> Rows { get; } = [];
    public List<RectificationCase> OpenedCases { get; } = [];
    public List<OutboxMessage> Events { get; } = [];

    public Task<AddOutcome> AddAsync(Rating rating, RectificationCase? openedCase = null, IReadOnlyList<OutboxMessage>? events = null,
        CancellationToken cancellationToken = default)
    {
        lock (Rows)
        {
            if (Rows.Any(r => r.ServiceReference == rating.ServiceReference || (rating.InvitationId is not null && r.InvitationId == rating.InvitationId)))
                return Task.FromResult(AddOutcome.Duplicate);
            Rows.Add(rating);
            if (openedCase is not null) OpenedCases.Add(openedCase);
            Events.AddRange(events ?? []);
            return Task.FromResult(AddOutcome.Added);
        }
    }

    public Task<Rating?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.ServiceReference == serviceReference));

    public Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Id == ratingId));

    public Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SatisfactionFigures(Counted(scope, period)
            .GroupBy(r => r.Level)
            .Select(g => KeyValuePair.Create(g.Key, g.Count())),
            InScope(scope, period).Count(r => r.Voided)));

    public Task<IReadOnlyList<MonthLevelCount>> CountByMonthAndLevelAsync(RatingScope scope, ReportingPeriod period,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MonthLevelCount>>(Counted(scope, period)
            .GroupBy(r => (Month: r.RatedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Level))
            .Select(g => new MonthLevelCount(g.Key.Month, g.Key.Level, g.Count()))
            .ToList());

    public Task<IReadOnlyList<StaffLevelCount>> CountByStaffAndLevelAsync(CivilAffairs.SharedKernel.Window window, ReportingPeriod period,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StaffLevelCount>>(Counted(new RatingScope.OfWindow(window), period)
            .Where(r => r.StaffId is not null)
            .GroupBy(r => (Staff: r.StaffId!, r.Level))
            .Select(g => new StaffLevelCount(g.Key.Staff, g.Key.Level, g.Count()))
            .ToList());

    private IEnumerable<Rating> Counted(RatingScope scope, ReportingPeriod period) => InScope(scope, period).Where(r => !r.Voided);

    private IEnumerable<Rating> InScope(RatingScope scope, ReportingPeriod period) => Rows
        .Where(r => period.Contains(r.RatedOn))
        .Where(r => scope is RatingScope.OfWindow w ? r.Window == w.Window : r.StaffId == ((RatingScope.OfStaff)scope).StaffId);
}

internal sealed class InMemorySuggestionStore : ISuggestionStore
{
    public List<Suggestion> Rows { get; } = [];

    public Task AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default)
    {
        Rows.Add(suggestion);
        return Task.CompletedTask;
    }

    public Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Id == suggestionId));

    public Task<bool> AppendAsync(Suggestion updated, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var index = Rows.FindIndex(r => r.Id == updated.Id && r.Version == expectedVersion);
        if (index < 0) return Task.FromResult(false);
        Rows[index] = updated;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Suggestion>> ListAsync(CivilAffairs.SharedKernel.Window window, string? category, int limit,
        SuggestionCursor? after, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Suggestion>>(Rows
            .Where(r => r.Window == window && (category is null || r.Category == category))
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)
            .Where(r => after is null || r.SubmittedAt < after.SubmittedAt
                || (r.SubmittedAt == after.SubmittedAt && string.CompareOrdinal(r.Id, after.Id) < 0))
            .Take(limit)
            .ToList());
}

internal sealed class InMemoryInvitationStore : IInvitationStore
{
    public List<Invitation> Rows { get; } = [];

    public Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        if (Rows.Any(r => r.ServiceReference == invitation.ServiceReference)) return Task.FromResult(AddOutcome.Duplicate);
        Rows.Add(invitation);
        return Task.FromResult(AddOutcome.Added);
    }

    public Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.Id == invitationId));

    public Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows.FirstOrDefault(r => r.ServiceReference == serviceReference));
}
