using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Mongo;
using CivilAffairs.Marriage.Storage.Sqlite;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Tests;

/// <summary>All the marriage ports over one fresh store of a kind: a SQLite file, or a MongoDB database (MONGODB_URI).</summary>
internal sealed class MarriageStores : IDisposable
{
    private readonly IDisposable? _owned;

    public required IOfficeStore Offices { get; init; }
    public required IMarriageCalendarStore Calendar { get; init; }
    public required IAppointmentStore Appointments { get; init; }
    public required IHallStore Hall { get; init; }
    public required IMarriageArchive Archive { get; init; }
    public required IOutboxStore Outbox { get; init; }

    private MarriageStores(IDisposable? owned) => _owned = owned;

    public static async Task<MarriageStores> CreateAsync(string kind, TempDirectory directory)
    {
        var clock = new OfficeClock(new FakeTimeProvider(), OfficeClock.ChinaStandardTime);
        MarriageStores stores;
        IStoreInitializer initializer;
        if (kind == StoreKinds.Sqlite)
        {
            var database = new SqliteDatabase(directory.File($"{Guid.NewGuid():N}.db"));
            initializer = new SqliteMarriageSchema(database);
            stores = new MarriageStores(database)
            {
                Offices = new SqliteOfficeStore(database), Calendar = new SqliteCalendarStore(database),
                Appointments = new SqliteAppointmentStore(database), Hall = new SqliteHallStore(database),
                Archive = new SqliteMarriageArchive(database, clock, new OutboxSignal()),
                Outbox = new SqliteOutbox(database),
            };
        }
        else
        {
            var client = new MongoClient(MongoFactAttribute.MongoUri);
            var collections = new MongoMarriageCollections(client, client.GetDatabase(MongoFactAttribute.FreshDatabaseName("marriage")));
            initializer = collections;
            stores = new MarriageStores(null)
            {
                Offices = new MongoOfficeStore(collections), Calendar = new MongoCalendarStore(collections),
                Appointments = new MongoAppointmentStore(collections), Hall = new MongoHallStore(collections),
                Archive = new MongoMarriageArchive(collections, clock, new OutboxSignal()),
                Outbox = new MongoOutbox(collections.Database),
            };
        }
        await initializer.InitializeAsync(CancellationToken.None);
        await ((IStoreInitializer)stores.Outbox).InitializeAsync(CancellationToken.None);
        return stores;
    }

    public void Dispose() => _owned?.Dispose();
}
