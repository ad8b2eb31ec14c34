using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage.Mongo;
using CivilAffairs.TestSupport;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The same contract on MongoDB; runs only where MONGODB_URI points at a replica set.</summary>
public sealed class MongoStoreTests : StoreContract
{
    private IMongoClient? _client;
    private string? _database;

    protected override async Task<(IHouseholdStore, IApplicationStore, IIdempotencyStore, IPaymentStore, ISupportCaseStore, IOutboxStore)> OpenAsync()
    {
        if (MongoFactAttribute.MongoUri is not { } uri) return (null!, null!, null!, null!, null!, null!);
        _client = new MongoClient(uri);
        _database = MongoFactAttribute.FreshDatabaseName("assist");
        var database = _client.GetDatabase(_database);
        var collections = new MongoCollections(database);
        await new MongoIndexes(collections, database).InitializeAsync(CancellationToken.None);
        var outbox = new MongoOutbox(database);
        await outbox.InitializeAsync(CancellationToken.None);
        return (new MongoHouseholdStore(collections), new MongoApplicationStore(collections, new OutboxSignal()), new MongoIdempotencyStore(collections),
            new MongoPaymentStore(collections), new MongoSupportCaseStore(collections, new OutboxSignal()), outbox);
    }

    public override async Task DisposeAsync()
    {
        if (_client is not null) await _client.DropDatabaseAsync(_database);
    }

    [MongoFact] public override Task A_household_reads_back_whole_with_full_id_numbers() => base.A_household_reads_back_whole_with_full_id_numbers();
    [MongoFact] public override Task A_member_of_an_active_household_is_reported_by_index_and_nothing_is_stored() => base.A_member_of_an_active_household_is_reported_by_index_and_nothing_is_stored();
    [MongoFact] public override Task A_claimed_key_is_stored_with_the_household_and_cannot_be_claimed_twice() => base.A_claimed_key_is_stored_with_the_household_and_cannot_be_claimed_twice();
    [MongoFact] public override Task One_open_application_per_household() => base.One_open_application_per_household();
    [MongoFact] public override Task An_application_key_cannot_be_claimed_twice() => base.An_application_key_cannot_be_claimed_twice();
    [MongoFact] public override Task An_update_applies_only_at_the_version_read_and_frees_the_household_when_closed() => base.An_update_applies_only_at_the_version_read_and_frees_the_household_when_closed();
    [MongoFact] public override Task Applications_are_listed_by_status() => base.Applications_are_listed_by_status();
    [MongoFact] public override Task A_run_pays_each_household_once_a_month_per_programme() => base.A_run_pays_each_household_once_a_month_per_programme();
    [MongoFact] public override Task A_household_update_applies_only_at_the_version_read() => base.A_household_update_applies_only_at_the_version_read();
    [MongoFact] public override Task A_support_case_is_stored_with_its_payment_or_not_at_all() => base.A_support_case_is_stored_with_its_payment_or_not_at_all();
    [MongoFact] public override Task One_open_extreme_poverty_case_per_person() => base.One_open_extreme_poverty_case_per_person();
    [MongoFact] public override Task A_support_case_update_applies_at_the_version_read_with_its_payment() => base.A_support_case_update_applies_at_the_version_read_with_its_payment();
    [MongoFact] public override Task A_member_who_leaves_is_free_and_one_active_elsewhere_cannot_join() => base.A_member_who_leaves_is_free_and_one_active_elsewhere_cannot_join();
}
