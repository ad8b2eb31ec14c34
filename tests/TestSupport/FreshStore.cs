using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Mongo;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Outbox;
using MongoDB.Driver;

namespace CivilAffairs.TestSupport;

/// <summary>
/// A fresh document store of a kind for a contract suite: a new SQLite file (FULL sync, as in production), or a new
/// MongoDB database on <c>MONGODB_URI</c>, dropped afterwards. The collections are created as at start-up.
/// </summary>
public sealed class FreshStore : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Action? _drop;

    public IDocumentStore Store { get; }
    public OutboxSignal Signal { get; } = new();
    public IOutboxStore Outbox { get; }

    /// <summary>The SQLite file, for tests that reopen it as a restarted process would (null on MongoDB).</summary>
    public string? SqlitePath { get; }

    private FreshStore(string kind)
    {
        if (kind == StoreKinds.Sqlite)
        {
            SqlitePath = _directory.File("store.db");
            Store = new SqliteDocumentStore(SqlitePath, "FULL", Signal);
        }
        else
        {
            var client = new MongoClient(MongoFactAttribute.MongoUri);
            var name = MongoFactAttribute.FreshDatabaseName("store");
            Store = new MongoDocumentStore(client, client.GetDatabase(name), Signal);
            _drop = () => client.DropDatabase(name);
        }
        Outbox = new OutboxStore(Store);
    }

    public static async Task<FreshStore> CreateAsync(string kind, params IDocumentCollection[] collections)
    {
        var fresh = new FreshStore(kind);
        await fresh.Store.InitializeAsync([.. collections, OutboxRecords.Collection, ServiceDefaults.Idempotency.IdempotencyRecords.Collection]);
        return fresh;
    }

    public ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        _drop?.Invoke();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
