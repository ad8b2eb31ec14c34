using System.Globalization;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>The outbox table in a service's SQLite file. Producers enqueue inside their own write transaction.</summary>
public sealed class SqliteOutbox(SqliteDatabase database) : IOutboxStore, IStoreInitializer
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            aggregate_id TEXT NOT NULL,
            target TEXT NOT NULL,
            method TEXT NOT NULL,
            payload BLOB NOT NULL,
            window INTEGER NOT NULL,
            trace_parent TEXT,
            created_at TEXT NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT);
        CREATE INDEX IF NOT EXISTS ix_outbox_state ON outbox (state, sequence);
        """;

    private const string Columns = "sequence, event_id, aggregate_id, target, method, payload, window, trace_parent, created_at, state, attempts, next_attempt_at, last_error";

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Schema);

    /// <summary>Writes the messages in the caller's transaction: they exist exactly when the change they report does.</summary>
    public static async Task EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<OutboxMessage> messages)
    {
        foreach (var m in messages)
        {
            await connection.ExecuteAsync(
                $"""
                 INSERT INTO outbox (event_id, aggregate_id, target, method, payload, window, trace_parent, created_at, next_attempt_at)
                 VALUES ($id, $aggregate, $target, $method, $payload, $window, $trace, $created, $created)
                 """,
                transaction, ("$id", m.EventId), ("$aggregate", m.AggregateId), ("$target", m.Target), ("$method", m.Method),
                ("$payload", m.Payload), ("$window", (int)m.Window), ("$trace", m.TraceParent), ("$created", Text(m.CreatedAt)));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(async c => await c.QueryAsync(
            $"SELECT {Columns} FROM outbox WHERE state = 0 ORDER BY sequence LIMIT $limit", Read, null, ("$limit", limit)));

    public Task MarkDeliveredAsync(long sequence, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE outbox SET state = 1, last_error = NULL WHERE sequence = $s", t, ("$s", sequence)), cancellationToken);

    public Task MarkFailedAsync(long sequence, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE outbox SET attempts = $a, next_attempt_at = $next, last_error = $e WHERE sequence = $s",
            t, ("$a", attempts), ("$next", Text(nextAttemptAt)), ("$e", error), ("$s", sequence)), cancellationToken);

    public Task RetryNowAsync(string target, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE outbox SET next_attempt_at = $now WHERE state = 0 AND target = $target AND next_attempt_at > $now",
            t, ("$now", Text(now)), ("$target", target)), cancellationToken);

    public Task DeadLetterAsync(long sequence, int attempts, string error, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE outbox SET state = 2, attempts = $a, last_error = $e WHERE sequence = $s", t, ("$a", attempts), ("$e", error), ("$s", sequence)),
            cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(async c => await c.QueryAsync(
            $"SELECT {Columns} FROM outbox WHERE state = 2 ORDER BY sequence LIMIT $limit", Read, null, ("$limit", limit)));

    public async Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE outbox SET state = 0, attempts = 0, next_attempt_at = $now WHERE event_id = $id AND state = 2",
            t, ("$now", Text(now)), ("$id", eventId)), cancellationToken) == 1;

    public Task<(int Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state = 0",
            r => (r.GetInt32(0), r.IsDBNull(1) ? (DateTimeOffset?)null : Parse(r.GetString(1))))));

    private static OutboxEntry Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        new OutboxMessage(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), (byte[])r[5], (Window)r.GetInt32(6),
            r.GetNullableString(7), Parse(r.GetString(8))),
        (OutboxState)r.GetInt32(9), r.GetInt32(10), Parse(r.GetString(11)), r.GetNullableString(12));

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
