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

    /// <summary>Inserts a document; false (nothing written) when its idempotency key is already held by another.</summary>
    public static async Task<bool> InsertOnceAsync<T>(this IMongoCollection<T> collection, T document, CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(IdempotencyIndex))
        {
            return false;
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
