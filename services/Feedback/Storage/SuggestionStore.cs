using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Storage;

internal sealed class SuggestionStore(IDocumentStore store) : ISuggestionStore
{
    public Task AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default) =>
        store.InsertAsync(FeedbackDocuments.Suggestions, suggestion, cancellationToken);

    public Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(FeedbackDocuments.Suggestions, suggestionId, cancellationToken);

    public Task<bool> AppendAsync(Suggestion updated, int expectedVersion, CancellationToken cancellationToken = default) =>
        store.CommitUnlessStaleAsync(new WriteBatch().Replace(FeedbackDocuments.Suggestions, updated, expectedVersion), cancellationToken);

    public Task<IReadOnlyList<Suggestion>> ListAsync(Window window, string? category, int limit, SuggestionCursor? after,
        CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.Where("window", window);
        if (category is not null) query = query.And("category", category);
        if (after is not null) query = query.AndBefore("position", FeedbackDocuments.Position(after.SubmittedAt, after.Id));
        return store.DocumentsAsync(FeedbackDocuments.Suggestions, query.OrderByDescending("position").Take(limit), cancellationToken);
    }
}
