using CivilAffairs.Feedback.Domain;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal static class MongoInserts
{
    /// <summary>Inserts one document; a duplicate key becomes a clash on the idempotency-key index (named
    /// <paramref name="idempotencyIndex"/>) or on the natural key.</summary>
    public static async Task<AddOutcome> InsertAsync<T>(this IMongoCollection<T> collection, T document, string idempotencyIndex,
        CancellationToken cancellationToken, IClientSessionHandle? session = null)
    {
        try
        {
            if (session is null) await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            else await collection.InsertOneAsync(session, document, cancellationToken: cancellationToken);
            return AddOutcome.Added;
        }
        catch (MongoWriteException error) when (error.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return error.WriteError.Message.Contains(idempotencyIndex, StringComparison.Ordinal)
                ? AddOutcome.DuplicateIdempotencyKey
                : AddOutcome.Duplicate;
        }
    }

    /// <summary>A unique index on an optional key: only documents that have the key take part.</summary>
    public static CreateIndexModel<T> UniqueWhenPresent<T>(string field, string name) => new(
        Builders<T>.IndexKeys.Ascending(field),
        new CreateIndexOptions<T>
        {
            Name = name,
            Unique = true,
            PartialFilterExpression = Builders<T>.Filter.Exists(field),
        });
}
