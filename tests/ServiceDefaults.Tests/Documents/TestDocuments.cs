using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Mongo;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.TestSupport;
using MongoDB.Driver;

namespace CivilAffairs.ServiceDefaults.Tests.Documents;

public enum SlotKind { Morning, Afternoon }

/// <summary>A bookable slot: the shape of the marriage service's hot document, with its place counter.</summary>
public sealed record TestSlot(string Id, string Office, DateOnly Date, SlotKind Kind, int Capacity, int Booked, string? Note = null);

/// <summary>A case with many people on it and a version of its own, like an assistance application.</summary>
public sealed record TestCase(string Id, long Version, string? OpenFor, IReadOnlyList<string> People, DateTimeOffset At, double Amount);

public sealed record TestTicket(string Id, string Day, long Number);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TestSlot))]
[JsonSerializable(typeof(TestCase))]
[JsonSerializable(typeof(TestTicket))]
internal sealed partial class TestDocumentsJson : JsonSerializerContext;

public static class TestCollections
{
    public static readonly DocumentCollection<TestSlot> Slots =
        new DocumentCollection<TestSlot>("slots", TestDocumentsJson.Default.TestSlot, s => s.Id)
            .Field("office", s => s.Office)
            .Field("date", s => s.Date)
            .Field("kind", s => s.Kind)
            .Field("note", s => s.Note)
            .Field("capacity", s => s.Capacity)
            .Counter("booked", s => s.Booked, ceiling: "capacity")
            .Index("office", "date")
            .Unique("one-slot-per-office-date-kind", "office", "date", "kind");

    public static readonly DocumentCollection<TestCase> Cases =
        new DocumentCollection<TestCase>("cases", TestDocumentsJson.Default.TestCase, c => c.Id, c => c.Version)
            .Field("openFor", c => c.OpenFor)
            .Many("people", c => c.People)
            .Field("at", c => c.At)
            .Field("amount", c => c.Amount)
            .Unique("one-open-case-per-household", "openFor")
            .Unique("one-case-per-person", "people");

    public static readonly DocumentCollection<TestTicket> Tickets =
        new DocumentCollection<TestTicket>("tickets", TestDocumentsJson.Default.TestTicket, t => t.Id)
            .Field("day", t => t.Day)
            .Field("number", t => t.Number);

    public static readonly IDocumentCollection[] All =
        [Slots, Cases, Tickets, OutboxRecords.Collection, Idempotency.IdempotencyRecords.Collection];
}

/// <summary>A fresh store of a kind for one test: a SQLite file, or a fresh MongoDB database (MONGODB_URI).</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Action? _drop;

    public IDocumentStore Store { get; }
    public OutboxSignal Signal { get; } = new();
    public string? SqlitePath { get; }

    private TestStore(string kind, Func<string, OutboxSignal, IDocumentStore>? sqlite = null)
    {
        if (kind == StoreKinds.Sqlite)
        {
            SqlitePath = _directory.File("store.db");
            Store = (sqlite ?? ((path, signal) => new SqliteDocumentStore(path, "FULL", signal)))(SqlitePath, Signal);
        }
        else
        {
            var client = new MongoClient(MongoFactAttribute.MongoUri);
            var name = MongoFactAttribute.FreshDatabaseName("documents");
            Store = new MongoDocumentStore(client, client.GetDatabase(name), Signal);
            _drop = () => client.DropDatabase(name);
        }
    }

    public static async Task<TestStore> CreateAsync(string kind, IReadOnlyList<IDocumentCollection>? collections = null)
    {
        var store = new TestStore(kind);
        await store.Store.InitializeAsync(collections ?? TestCollections.All);
        return store;
    }

    /// <summary>A second engine over the same file, as a restarted process would open it.</summary>
    public SqliteDocumentStore Reopen() => new(SqlitePath!, "FULL");

    public ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        _drop?.Invoke();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
