using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Outbox;

internal sealed class OutboxDocument
{
    [BsonId] public long Sequence { get; set; }
    [BsonElement("eventId")] public string EventId { get; set; } = "";
    [BsonElement("aggregateId")] public string AggregateId { get; set; } = "";
    [BsonElement("target")] public string Target { get; set; } = "";
    [BsonElement("method")] public string Method { get; set; } = "";
    [BsonElement("payload")] public byte[] Payload { get; set; } = [];
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("traceParent"), BsonIgnoreIfNull] public string? TraceParent { get; set; }
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }
    [BsonElement("state")] public int State { get; set; }
    [BsonElement("attempts")] public int Attempts { get; set; }
    [BsonElement("nextAttemptAt")] public DateTime NextAttemptAt { get; set; }
    [BsonElement("lastError"), BsonIgnoreIfNull] public string? LastError { get; set; }
}

internal sealed class OutboxCounter
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("value")] public long Value { get; set; }
}

/// <summary>The outbox collection in a service's MongoDB database. Producers enqueue inside their own transaction.</summary>
public sealed class MongoOutbox(IMongoDatabase database) : IOutboxStore, IStoreInitializer
{
    private readonly IMongoCollection<OutboxDocument> _outbox = database.GetCollection<OutboxDocument>("outbox");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _outbox.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<OutboxDocument>(Builders<OutboxDocument>.IndexKeys.Ascending(d => d.EventId), new CreateIndexOptions { Unique = true }),
            new CreateIndexModel<OutboxDocument>(Builders<OutboxDocument>.IndexKeys.Ascending(d => d.State).Ascending(d => d.Sequence)),
        ], cancellationToken);

    /// <summary>Writes the messages in the caller's transaction, numbered from a counter in the same transaction.</summary>
    public static async Task EnqueueAsync(IMongoDatabase database, IClientSessionHandle session, IEnumerable<OutboxMessage> messages,
        CancellationToken cancellationToken)
    {
        var counters = database.GetCollection<OutboxCounter>("outbox_sequence");
        var outbox = database.GetCollection<OutboxDocument>("outbox");
        foreach (var m in messages)
        {
            var counter = await counters.FindOneAndUpdateAsync(session, Builders<OutboxCounter>.Filter.Eq(c => c.Id, "outbox"),
                Builders<OutboxCounter>.Update.Inc(c => c.Value, 1),
                new FindOneAndUpdateOptions<OutboxCounter> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, cancellationToken);
            await outbox.InsertOneAsync(session, new OutboxDocument
            {
                Sequence = counter.Value, EventId = m.EventId, AggregateId = m.AggregateId, Target = m.Target, Method = m.Method,
                Payload = m.Payload, Window = (int)m.Window, TraceParent = m.TraceParent, CreatedAt = m.CreatedAt.UtcDateTime,
                NextAttemptAt = m.CreatedAt.UtcDateTime,
            }, cancellationToken: cancellationToken);
        }
    }

    internal static FilterDefinition<OutboxDocument> InState(OutboxState state) => Builders<OutboxDocument>.Filter.Eq(d => d.State, (int)state);

    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        (await _outbox.Find(InState(OutboxState.Pending)).SortBy(d => d.Sequence).Limit(limit).ToListAsync(cancellationToken)).Select(ToEntry).ToList();

    public Task MarkDeliveredAsync(long sequence, CancellationToken cancellationToken) =>
        _outbox.UpdateOneAsync(d => d.Sequence == sequence,
            Builders<OutboxDocument>.Update.Set(d => d.State, (int)OutboxState.Delivered).Unset(d => d.LastError), cancellationToken: cancellationToken);

    public Task MarkFailedAsync(long sequence, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        _outbox.UpdateOneAsync(d => d.Sequence == sequence,
            Builders<OutboxDocument>.Update.Set(d => d.Attempts, attempts).Set(d => d.NextAttemptAt, nextAttemptAt.UtcDateTime).Set(d => d.LastError, error),
            cancellationToken: cancellationToken);

    public Task RetryNowAsync(string target, DateTimeOffset now, CancellationToken cancellationToken) =>
        _outbox.UpdateManyAsync(
            InState(OutboxState.Pending) & Builders<OutboxDocument>.Filter.Eq(d => d.Target, target)
                & Builders<OutboxDocument>.Filter.Gt(d => d.NextAttemptAt, now.UtcDateTime),
            Builders<OutboxDocument>.Update.Set(d => d.NextAttemptAt, now.UtcDateTime), cancellationToken: cancellationToken);

    public Task DeadLetterAsync(long sequence, int attempts, string error, CancellationToken cancellationToken) =>
        _outbox.UpdateOneAsync(d => d.Sequence == sequence,
            Builders<OutboxDocument>.Update.Set(d => d.State, (int)OutboxState.DeadLettered).Set(d => d.Attempts, attempts).Set(d => d.LastError, error),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        (await _outbox.Find(InState(OutboxState.DeadLettered)).SortBy(d => d.Sequence).Limit(limit).ToListAsync(cancellationToken)).Select(ToEntry).ToList();

    public async Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await _outbox.UpdateOneAsync(
            Builders<OutboxDocument>.Filter.Eq(d => d.EventId, eventId) & InState(OutboxState.DeadLettered),
            Builders<OutboxDocument>.Update.Set(d => d.State, (int)OutboxState.Pending).Set(d => d.Attempts, 0).Set(d => d.NextAttemptAt, now.UtcDateTime),
            cancellationToken: cancellationToken)).ModifiedCount == 1;

    public async Task<(int Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken cancellationToken)
    {
        var count = (int)await _outbox.CountDocumentsAsync(InState(OutboxState.Pending), cancellationToken: cancellationToken);
        var oldest = await _outbox.Find(InState(OutboxState.Pending)).SortBy(d => d.Sequence).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return (count, oldest is null ? null : new DateTimeOffset(DateTime.SpecifyKind(oldest.CreatedAt, DateTimeKind.Utc)));
    }

    private static OutboxEntry ToEntry(OutboxDocument d) => new(
        d.Sequence,
        new OutboxMessage(d.EventId, d.AggregateId, d.Target, d.Method, d.Payload, (Window)d.Window, d.TraceParent,
            new DateTimeOffset(DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc))),
        (OutboxState)d.State, d.Attempts, new DateTimeOffset(DateTime.SpecifyKind(d.NextAttemptAt, DateTimeKind.Utc)), d.LastError);
}
