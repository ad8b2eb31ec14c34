using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>Creates the collections' indexes at start-up (creating an existing index again is a no-op).</summary>
internal sealed class MongoFeedbackIndexes(IMongoDatabase database) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await database.GetCollection<RatingDocument>(MongoRatingStore.CollectionName).Indexes
            .CreateManyAsync(MongoRatingStore.Indexes(), cancellationToken);
        await database.GetCollection<SuggestionDocument>(MongoSuggestionStore.CollectionName).Indexes
            .CreateManyAsync(MongoSuggestionStore.Indexes(), cancellationToken);
        await database.GetCollection<InvitationDocument>(MongoInvitationStore.CollectionName).Indexes
            .CreateManyAsync(MongoInvitationStore.Indexes(), cancellationToken);
        await database.GetCollection<CaseDocument>(MongoRectificationStore.CollectionName).Indexes
            .CreateManyAsync(MongoRectificationStore.Indexes(), cancellationToken);
    }
}
