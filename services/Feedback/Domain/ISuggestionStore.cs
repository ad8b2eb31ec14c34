namespace CivilAffairs.Feedback.Domain;

/// <summary>The suggestion box. Suggestions are never deleted.</summary>
public interface ISuggestionStore
{
    Task<AddOutcome> AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default);

    Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default);

    Task<Suggestion?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);
}
