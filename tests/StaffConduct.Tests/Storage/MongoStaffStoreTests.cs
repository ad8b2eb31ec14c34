using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Storage.Mongo;
using CivilAffairs.TestSupport;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Tests.Storage;

/// <summary>The contract on MongoDB, in a fresh database dropped afterwards; runs only when MONGODB_URI is set.</summary>
public sealed class MongoStaffStoreTests : StaffStoreContract, IAsyncLifetime
{
    private readonly MongoClient _client;
    private readonly IMongoDatabase _database;

    public MongoStaffStoreTests()
    {
        _client = new MongoClient(MongoFactAttribute.MongoUri);
        _database = _client.GetDatabase(MongoFactAttribute.FreshDatabaseName("staff"));
        Directory = new MongoStaffDirectory(_database);
        Commitments = new MongoCommitmentBook(_database);
        Duty = new MongoDutyLog(_database);
    }

    protected override IStaffDirectory Directory { get; }
    protected override ICommitmentBook Commitments { get; }
    protected override IDutyLog Duty { get; }

    public Task InitializeAsync() => new MongoIndexes(_database).InitializeAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        _client.Dispose();
    }

    [MongoFact] public override Task A_staff_member_reads_back_as_stored() => base.A_staff_member_reads_back_as_stored();
    [MongoFact] public override Task A_taken_badge_number_stores_nothing() => base.A_taken_badge_number_stores_nothing();
    [MongoFact] public override Task An_idempotency_key_is_held_once_and_finds_the_first_record() => base.An_idempotency_key_is_held_once_and_finds_the_first_record();
    [MongoFact] public override Task A_window_lists_its_staff_by_badge_and_optionally_one_office() => base.A_window_lists_its_staff_by_badge_and_optionally_one_office();
    [MongoFact] public override Task A_commitment_reads_back_with_its_outcome() => base.A_commitment_reads_back_with_its_outcome();
    [MongoFact] public override Task Commitments_are_listed_for_the_asked_staff_by_deadline() => base.Commitments_are_listed_for_the_asked_staff_by_deadline();
    [MongoFact] public override Task A_commitment_idempotency_key_is_held_once() => base.A_commitment_idempotency_key_is_held_once();
    [MongoFact] public override Task A_change_replaces_the_record_and_appends_to_its_history() => base.A_change_replaces_the_record_and_appends_to_its_history();
    [MongoFact] public override Task A_change_from_an_old_version_writes_nothing() => base.A_change_from_an_old_version_writes_nothing();
    [MongoFact] public override Task A_change_to_a_taken_badge_writes_nothing() => base.A_change_to_a_taken_badge_writes_nothing();
    [MongoFact] public override Task A_change_idempotency_key_finds_the_record_as_that_change_left_it() => base.A_change_idempotency_key_finds_the_record_as_that_change_left_it();
    [MongoFact] public override Task Staff_are_found_by_a_set_of_ids() => base.Staff_are_found_by_a_set_of_ids();
    [MongoFact] public override Task An_outcome_is_recorded_once() => base.An_outcome_is_recorded_once();
    [MongoFact] public override Task Open_commitments_due_before_a_day_are_listed_by_deadline_and_window() => base.Open_commitments_due_before_a_day_are_listed_by_deadline_and_window();
    [MongoFact] public override Task The_latest_duty_record_of_a_day_counts() => base.The_latest_duty_record_of_a_day_counts();
}
