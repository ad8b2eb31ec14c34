using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.TestSupport;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>A store file of the release before the document store still sends what it had not sent.</summary>
public sealed class EarlierReleaseOutboxTests
{
    /// <summary>The outbox table as that release created it in every service.</summary>
    private const string EarlierSchema = """
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, aggregate_id TEXT NOT NULL, target TEXT NOT NULL,
            method TEXT NOT NULL, payload BLOB NOT NULL, window INTEGER NOT NULL, trace_parent TEXT, created_at TEXT NOT NULL,
            state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, last_error TEXT);
        """;

    [Fact]
    public async Task Messages_not_delivered_keep_their_order_and_state_and_are_carried_over_once()
    {
        using var directory = new TempDirectory();
        var path = directory.File("old.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = EarlierSchema + """
                INSERT INTO outbox (event_id, aggregate_id, target, method, payload, window, created_at, state, attempts, next_attempt_at, last_error) VALUES
                  ('e1', 'm1', 'feedback', '/x.Y/Z', x'0102', 1, '2026-11-20T08:00:00.0000000Z', 1, 1, '2026-11-20T08:00:00.0000000Z', NULL),
                  ('e2', 'm1', 'feedback', '/x.Y/Z', x'03', 1, '2026-11-20T08:00:01.0000000Z', 0, 3, '2026-11-20T08:05:00.0000000Z', 'Unavailable'),
                  ('e3', 'm2', 'staff-conduct', '/x.Y/W', x'04', 1, '2026-11-20T08:00:02.0000000Z', 2, 1, '2026-11-20T08:00:02.0000000Z', 'InvalidArgument: no'),
                  ('e4', 'm1', 'feedback', '/x.Y/Z', x'05', 1, '2026-11-20T08:00:03.0000000Z', 0, 0, '2026-11-20T08:00:03.0000000Z', NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        using var store = new SqliteDocumentStore(path);
        await store.InitializeAsync([OutboxRecords.Collection]);
        await new EarlierReleaseOutbox().MigrateAsync(store, default);
        await new EarlierReleaseOutbox().MigrateAsync(store, default);

        var outbox = new OutboxStore(store);
        var pending = await outbox.PendingAsync(10, default);
        Assert.Equal(["e2", "e4"], pending.Select(p => p.Message.EventId));
        Assert.True(pending[0].Record.Sequence < pending[1].Record.Sequence);
        Assert.Equal((3, "Unavailable"), (pending[0].Attempts, pending[0].Record.LastError));
        Assert.Equal([3], pending[0].Message.Payload);
        Assert.Equal(["e3"], (await outbox.DeadLettersAsync(10, default)).Select(d => d.Message.EventId));
        Assert.Equal(3, await store.CountAsync(OutboxRecords.Collection, DocumentQuery.All));
    }
}
