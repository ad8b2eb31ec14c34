using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Idempotency;

internal sealed class IdempotentRequestDocument
{
    [BsonId] public string Key { get; set; } = "";
    [BsonElement("fingerprint")] public string Fingerprint { get; set; } = "";
    [BsonElement("completed")] public bool Completed { get; set; }
    [BsonElement("statusCode")] public int StatusCode { get; set; }
    [BsonElement("response"), BsonIgnoreIfNull] public byte[]? Response { get; set; }
    [BsonElement("detail"), BsonIgnoreIfNull] public string? Detail { get; set; }
    [BsonElement("details"), BsonIgnoreIfNull] public byte[]? Details { get; set; }
    [BsonElement("claimedAt")] public DateTime ClaimedAt { get; set; }
}

public sealed class MongoIdempotencyStore(IMongoDatabase database) : IIdempotencyStore, IStoreInitializer
{
    private readonly IMongoCollection<IdempotentRequestDocument> _requests = database.GetCollection<IdempotentRequestDocument>("idempotent_requests");

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask; // _id is the unique key

    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, DateTimeOffset now, TimeSpan abandonedAfter,
        CancellationToken cancellationToken)
    {
        try
        {
            await _requests.InsertOneAsync(new IdempotentRequestDocument { Key = key, Fingerprint = fingerprint, ClaimedAt = now.UtcDateTime },
                cancellationToken: cancellationToken);
            return new IdempotencyClaim.Granted();
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            var earlier = await _requests.Find(r => r.Key == key).FirstOrDefaultAsync(cancellationToken);
            if (earlier is null) return await ClaimAsync(key, fingerprint, now, abandonedAfter, cancellationToken);
            if (earlier.Fingerprint != fingerprint) return new IdempotencyClaim.Conflict();
            if (earlier.Completed) return new IdempotencyClaim.Replay(new StoredOutcome(earlier.StatusCode, earlier.Response, earlier.Detail, earlier.Details));
            var stale = now.UtcDateTime - abandonedAfter;
            var taken = await _requests.UpdateOneAsync(r => r.Key == key && !r.Completed && r.ClaimedAt < stale,
                Builders<IdempotentRequestDocument>.Update.Set(r => r.ClaimedAt, now.UtcDateTime), cancellationToken: cancellationToken);
            return taken.ModifiedCount == 1 ? new IdempotencyClaim.Granted() : new IdempotencyClaim.InProgress();
        }
    }

    public Task CompleteAsync(string key, StoredOutcome outcome, CancellationToken cancellationToken) =>
        _requests.UpdateOneAsync(r => r.Key == key, Builders<IdempotentRequestDocument>.Update
            .Set(r => r.Completed, true).Set(r => r.StatusCode, outcome.StatusCode).Set(r => r.Response, outcome.Response)
            .Set(r => r.Detail, outcome.Detail).Set(r => r.Details, outcome.Details), cancellationToken: cancellationToken);

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) =>
        _requests.DeleteOneAsync(r => r.Key == key && !r.Completed, cancellationToken);
}
