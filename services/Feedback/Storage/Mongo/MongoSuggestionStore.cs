using CivilAffairs.Feedback.Domain;
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

    internal static FilterDefinition<SuggestionDocument> ById(string id) => Builders<SuggestionDocument>.Filter.Eq(d => d.Id, id);

    internal static FilterDefinition<SuggestionDocument> ByIdempotencyKey(string key) =>
        Builders<SuggestionDocument>.Filter.Eq(d => d.IdempotencyKey, key);

    internal static IEnumerable<CreateIndexModel<SuggestionDocument>> Indexes() =>
    [
        MongoInserts.UniqueWhenPresent<SuggestionDocument>("idempotencyKey", IdempotencyIndex),
        new(Builders<SuggestionDocument>.IndexKeys.Ascending(d => d.Window).Descending(d => d.SubmittedAt),
            new CreateIndexOptions { Name = WindowIndex }),
    ];
}
