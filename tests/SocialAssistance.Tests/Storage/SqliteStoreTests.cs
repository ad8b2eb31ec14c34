using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage.Sqlite;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

public sealed class SqliteStoreTests : StoreContract
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    protected override async Task<(IHouseholdStore, IApplicationStore, IIdempotencyStore, IPaymentStore, ISupportCaseStore, IOutboxStore)> OpenAsync()
    {
        _database = new SqliteDatabase(_directory.File("store.db"));
        await new SqliteSchema(_database).InitializeAsync(CancellationToken.None);
        var outbox = new SqliteOutbox(_database);
        await outbox.InitializeAsync(CancellationToken.None);
        return (new SqliteHouseholdStore(_database), new SqliteApplicationStore(_database, new OutboxSignal()), new SqliteIdempotencyStore(_database),
            new SqlitePaymentStore(_database), new SqliteSupportCaseStore(_database, new OutboxSignal()), outbox);
    }

    public override Task DisposeAsync()
    {
        _database?.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
