using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The suggestion box. Suggestions are never deleted.</summary>
public interface ISuggestionStore
{
    Task AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default);

    Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default);

    /// <summary>Saves a suggestion with one more reply or moderation entry, if nobody appended since
    /// <paramref name="expectedVersion"/>; false (and nothing written) otherwise.</summary>
    Task<bool> AppendAsync(Suggestion updated, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>A window's suggestions (of one category when given), newest first, after <paramref name="after"/> when
    /// paging on.</summary>
    Task<IReadOnlyList<Suggestion>> ListAsync(Window window, string? category, int limit, SuggestionCursor? after,
        CancellationToken cancellationToken = default);
}

/// <summary>Where a page of suggestions ended: the last one's submission time and id.</summary>
public sealed record SuggestionCursor(DateTimeOffset SubmittedAt, string Id);
