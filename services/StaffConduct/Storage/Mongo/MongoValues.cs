using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal static class MongoValues
{
    public const string IdempotencyIndex = "idempotency_key_unique";

    /// <summary>BSON dates come back as UTC DateTime (millisecond precision).</summary>
    public static DateTimeOffset Instant(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    /// <summary>A duplicate-key write error on the named unique index.</summary>
    public static bool IsDuplicateOn(this MongoWriteException error, string indexName) =>
        error.WriteError?.Category == ServerErrorCategory.DuplicateKey &&
        error.WriteError.Message.Contains(indexName, StringComparison.Ordinal);

    /// <summary>
    /// Inserts a document; false (nothing written) when a unique key is already held by another document: the index
    /// named <paramref name="indexName"/> (by default the idempotency key), or any unique key when it is null (for
    /// documents whose id is the natural key, such as an event id).
    /// </summary>
    public static async Task<bool> InsertOnceAsync<T>(this IMongoCollection<T> collection, T document, CancellationToken cancellationToken,
        string? indexName = IdempotencyIndex)
    {
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException error) when (indexName is null
            ? error.WriteError?.Category == ServerErrorCategory.DuplicateKey
            : error.IsDuplicateOn(indexName))
        {
            return false;
        }
    }

    /// <summary>
    /// Applies a conditional update (the filter holds the condition, e.g. "no outcome yet"): true when a document
    /// matched, false when none did, null (nothing written) when the update's idempotency key, unique under
    /// <paramref name="keyIndex"/>, is already held by another write.
    /// </summary>
    public static async Task<bool?> UpdateOnceAsync<T>(this IMongoCollection<T> collection, FilterDefinition<T> filter,
        UpdateDefinition<T> update, string keyIndex, CancellationToken cancellationToken)
    {
        try
        {
            var result = await collection.UpdateOneAsync(filter, update, cancellationToken: cancellationToken);
            return result.MatchedCount == 1;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(keyIndex))
        {
            return null;
        }
    }

    /// <summary>A unique index on an optional idempotency-key field, over the documents that have one.</summary>
    public static CreateIndexModel<T> UniqueWhenPresent<T>(string field, string name) =>
        new(Builders<T>.IndexKeys.Ascending(field), new CreateIndexOptions<T>
        {
            Name = name,
            Unique = true,
            PartialFilterExpression = Builders<T>.Filter.Exists(field),
        });
}
