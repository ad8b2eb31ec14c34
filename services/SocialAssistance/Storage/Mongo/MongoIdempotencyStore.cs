using CivilAffairs.SocialAssistance.Domain;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

internal sealed class MongoIdempotencyStore(MongoCollections collections) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> FindAsync(string scope, string key)
    {
        var document = await collections.IdempotencyKeys.Find(MongoFilters.ById(MongoFilters.IdempotencyId(scope, key))).FirstOrDefaultAsync();
        return document is null
            ? null
            : new IdempotencyRecord(scope, key, document["fingerprint"].AsString, document["resourceId"].AsString);
    }

    /// <summary>Records the claim inside the caller's transaction; a key stored first by another request aborts it.</summary>
    public static async Task ClaimAsync(MongoCollections collections, IClientSessionHandle session, IdempotencyClaim? claim,
        string resourceId, CancellationToken cancellationToken)
    {
        if (claim is null) return;
        try
        {
            await collections.IdempotencyKeys.InsertOneAsync(session, new BsonDocument
            {
                { "_id", MongoFilters.IdempotencyId(claim.Scope, claim.Key) },
                { "fingerprint", claim.Fingerprint },
                { "resourceId", resourceId },
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException error) when (MongoCollections.IsDuplicateKey(error))
        {
            throw new IdempotencyKeyTaken();
        }
    }
}
