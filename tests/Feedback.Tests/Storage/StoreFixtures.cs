using CivilAffairs.Feedback.Storage.Mongo;
using CivilAffairs.Feedback.Storage.Sqlite;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.TestSupport;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>A SQLite file in a temporary folder, its tables (the outbox too) created as at start-up.</summary>
public sealed class SqliteStore : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    public SqliteDatabase Database { get; }

    private SqliteStore() => Database = new SqliteDatabase(_directory.File("feedback.db"));

    public static async Task<SqliteStore> CreateAsync()
    {
        var store = new SqliteStore();
        await new SqliteFeedbackSchema(store.Database).InitializeAsync(CancellationToken.None);
        await new SqliteOutbox(store.Database).InitializeAsync(CancellationToken.None);
        return store;
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh database on the server named by MONGODB_URI, its indexes created as at start-up; dropped afterwards.</summary>
public sealed class MongoStore : IAsyncDisposable
{
    private readonly string _name = MongoFactAttribute.FreshDatabaseName("feedback");

    public IMongoClient Client { get; }
    public IMongoDatabase Database { get; }

    private MongoStore()
    {
        Client = new MongoClient(MongoFactAttribute.MongoUri);
        Database = Client.GetDatabase(_name);
    }

    public static async Task<MongoStore> CreateAsync()
    {
        var store = new MongoStore();
        await new MongoFeedbackIndexes(store.Database).InitializeAsync(CancellationToken.None);
        await new MongoOutbox(store.Database).InitializeAsync(CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync() => await Client.DropDatabaseAsync(_name);
}
