using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoSuggestionStore(IMongoDatabase database) : ISuggestionStore
{
    public const string CollectionName = "suggestions";
    public const string IdempotencyIndex = "ux_suggestions_idempotency_key";
    public const string WindowIndex = "ix_suggestions_window";

    private IMongoCollection<SuggestionDocument> Suggestions => database.GetCollection<SuggestionDocument>(CollectionName);

    public Task<AddOutcome> AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default) =>
        Suggestions.InsertAsync(SuggestionDocument.From(suggestion), IdempotencyIndex, cancellationToken);

    public async Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default) =>
        (await Suggestions.Find(ById(suggestionId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<Suggestion?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        (await Suggestions.Find(ByIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<bool> AppendAsync(Suggestion updated, int expectedVersion, SuggestionEntry entry, CancellationToken cancellationToken = default) =>
        (await Suggestions.UpdateOneAsync(AtVersion(updated.Id, expectedVersion), Append(updated, entry), cancellationToken: cancellationToken))
            .ModifiedCount == 1;

    public async Task<IReadOnlyList<Suggestion>> ListAsync(Window window, string? category, int limit, SuggestionCursor? after,
        CancellationToken cancellationToken = default)
    {
        var documents = await Suggestions.Find(Page(window, category, after))
            .Sort(Builders<SuggestionDocument>.Sort.Descending(d => d.SubmittedAt).Descending(d => d.Id))
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return documents.Select(d => d.ToDomain()).ToList();
    }

    internal static FilterDefinition<SuggestionDocument> AtVersion(string id, int version) =>
        Builders<SuggestionDocument>.Filter.Eq(d => d.Id, id) & Builders<SuggestionDocument>.Filter.Eq(d => d.Version, version);

    /// <summary>Pushes the entry and moves the version and the hidden flag in the same update.</summary>
    internal static UpdateDefinition<SuggestionDocument> Append(Suggestion updated, SuggestionEntry entry) =>
        Builders<SuggestionDocument>.Update
            .Push(d => d.Entries, SuggestionEntryDocument.Of(entry))
            .Set(d => d.Version, updated.Version)
            .Set(d => d.Hidden, updated.Hidden);

    /// <summary>A window's suggestions (of one category when given) older than the cursor (time, then id), for
    /// newest-first paging.</summary>
    internal static FilterDefinition<SuggestionDocument> Page(Window window, string? category, SuggestionCursor? after)
    {
        var filter = Builders<SuggestionDocument>.Filter;
        var inWindow = filter.Eq(d => d.Window, (int)window);
        if (category is not null) inWindow &= filter.Eq(d => d.Category, category);
        if (after is null) return inWindow;
        var at = after.SubmittedAt.UtcDateTime;
        return inWindow & (filter.Lt(d => d.SubmittedAt, at) | (filter.Eq(d => d.SubmittedAt, at) & filter.Lt(d => d.Id, after.Id)));
    }

    internal static FilterDefinition<SuggestionDocument> ById(string id) => Builders<SuggestionDocument>.Filter.Eq(d => d.Id, id);

    internal static FilterDefinition<SuggestionDocument> ByIdempotencyKey(string key) =>
        Builders<SuggestionDocument>.Filter.Eq(d => d.IdempotencyKey, key);

    internal static IEnumerable<CreateIndexModel<SuggestionDocument>> Indexes() =>
    [
        MongoInserts.UniqueWhenPresent<SuggestionDocument>("idempotencyKey", IdempotencyIndex),
        new(Builders<SuggestionDocument>.IndexKeys.Ascending(d => d.Window).Descending(d => d.SubmittedAt).Descending(d => d.Id),
            new CreateIndexOptions { Name = WindowIndex }),
    ];
}
