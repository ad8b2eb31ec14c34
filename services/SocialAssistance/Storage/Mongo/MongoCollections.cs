using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

/// <summary>The service's collections. Aggregates are stored as documents with <c>_id</c> = their id.</summary>
internal sealed class MongoCollections(IMongoDatabase database)
{
    public IMongoDatabase Database { get; } = database;
    public IMongoClient Client { get; } = database.Client;
    public IMongoCollection<BsonDocument> Households { get; } = database.GetCollection<BsonDocument>("households");
    public IMongoCollection<BsonDocument> Applications { get; } = database.GetCollection<BsonDocument>("applications");
    public IMongoCollection<BsonDocument> Payments { get; } = database.GetCollection<BsonDocument>("payments");
    public IMongoCollection<BsonDocument> SupportCases { get; } = database.GetCollection<BsonDocument>("support_cases");
    public IMongoCollection<BsonDocument> PaymentRuns { get; } = database.GetCollection<BsonDocument>("payment_runs");
    public IMongoCollection<BsonDocument> IdempotencyKeys { get; } = database.GetCollection<BsonDocument>("idempotency_keys");

    private static readonly JsonWriterSettings Relaxed = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    /// <summary>The aggregate as a document: the same fields as the SQLite <c>doc</c> column, and <c>_id</c>.</summary>
    public static BsonDocument ToDocument<T>(T value, string id)
    {
        var document = BsonDocument.Parse(DocumentJson.Serialize(value));
        document.InsertAt(0, new BsonElement("_id", id));
        return document;
    }

    public static T FromDocument<T>(BsonDocument document)
    {
        var copy = document.DeepClone().AsBsonDocument;
        copy.Remove("_id");
        return DocumentJson.Deserialize<T>(copy.ToJson(Relaxed));
    }

    /// <summary>Replaces a document still at <paramref name="expectedVersion"/> and stores the claim and the events for
    /// other services, in one transaction.</summary>
    public async Task<bool> ReplaceAtVersionAsync(IMongoCollection<BsonDocument> collection, string id, int expectedVersion,
        BsonDocument replacement, Domain.IdempotencyClaim? claim, IReadOnlyList<OutboxMessage> events)
    {
        using var session = await Client.StartSessionAsync();
        return await session.WithTransactionAsync(async (s, token) =>
        {
            var result = await collection.ReplaceOneAsync(s, MongoFilters.AtVersion(id, expectedVersion), replacement, cancellationToken: token);
            if (result.MatchedCount == 0) return false;
            await MongoIdempotencyStore.ClaimAsync(this, s, claim, id, token);
            await MongoOutbox.EnqueueAsync(Database, s, events, token);
            return true;
        });
    }

    public static bool IsDuplicateKey(MongoWriteException error) => error.WriteError?.Category == ServerErrorCategory.DuplicateKey;
}
