using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
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
        Designations = new MongoDesignationRegister(_database);
        Code = new MongoConductCode(_database);
        Inspections = new MongoInspectionLog(_database);
        Contests = new MongoContestBook(_database);
        Cases = new MongoCaseLedger(_database);
        Ratings = new MongoRatingLedger(_database);
        Catalogue = new MongoServiceCatalogue(_database);
        Times = new MongoServiceTimeLedger(_database);
    }

    protected override IStaffDirectory Directory { get; }
    protected override ICommitmentBook Commitments { get; }
    protected override IDutyLog Duty { get; }
    protected override IDesignationRegister Designations { get; }
    protected override IConductCode Code { get; }
    protected override IInspectionLog Inspections { get; }
    protected override IContestBook Contests { get; }
    protected override ICaseLedger Cases { get; }
    protected override IRatingLedger Ratings { get; }
    protected override IServiceCatalogue Catalogue { get; }
    protected override IServiceTimeLedger Times { get; }

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
    [MongoFact] public override Task One_designation_of_a_kind_is_in_force_per_holder_and_a_withdrawn_one_stays_on_record() => base.One_designation_of_a_kind_is_in_force_per_holder_and_a_withdrawn_one_stays_on_record();
    [MongoFact] public override Task A_designation_idempotency_key_is_held_once() => base.A_designation_idempotency_key_is_held_once();
    [MongoFact] public override Task The_conduct_code_is_seeded_once_and_edited_by_version() => base.The_conduct_code_is_seeded_once_and_edited_by_version();
    [MongoFact] public override Task A_new_rule_is_created_once_and_inactive_rules_are_listed_only_on_request() => base.A_new_rule_is_created_once_and_inactive_rules_are_listed_only_on_request();
    [MongoFact] public override Task Inspections_are_listed_newest_first_within_the_dates() => base.Inspections_are_listed_newest_first_within_the_dates();
    [MongoFact] public override Task A_score_batch_is_added_whole_or_not_at_all() => base.A_score_batch_is_added_whole_or_not_at_all();
    [MongoFact] public override Task Score_batch_and_contest_idempotency_keys_are_held_once() => base.Score_batch_and_contest_idempotency_keys_are_held_once();
    [MongoFact] public override Task Contests_are_found_by_participant_and_by_the_days_they_were_held() => base.Contests_are_found_by_participant_and_by_the_days_they_were_held();
    [MongoFact] public override Task A_rating_is_stored_once_and_only_bad_ones_are_complaints_joined_with_their_close() =>
        base.A_rating_is_stored_once_and_only_bad_ones_are_complaints_joined_with_their_close();
    [MongoFact] public override Task A_case_report_is_stored_once_per_event_and_totalled_per_month() => base.A_case_report_is_stored_once_per_event_and_totalled_per_month();
    [MongoFact] public override Task Catalogue_versions_are_appended_once_each_and_read_back_whole() => base.Catalogue_versions_are_appended_once_each_and_read_back_whole();
    [MongoFact] public override Task Service_times_are_stored_once_per_event_and_counted_per_month() => base.Service_times_are_stored_once_per_event_and_counted_per_month();
}
