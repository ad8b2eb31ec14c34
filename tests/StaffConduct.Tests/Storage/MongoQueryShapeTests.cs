using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Tests.Storage;

/// <summary>The MongoDB filters, sorts and documents rendered to BSON, checked without a server.</summary>
public class MongoQueryShapeTests
{
    internal static string Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry)).ToJson();

    internal static string Render<T>(UpdateDefinition<T> update) =>
        update.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry)).ToJson();

    internal static string Render<T>(SortDefinition<T> sort) =>
        sort.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry)).ToJson();

    [Fact]
    public void A_window_listing_filters_on_the_window_number_and_the_office_when_given()
    {
        Assert.Equal("{ \"profile.window\" : 1 }", Render(MongoStaffDirectory.ByWindow(Window.MarriageRegistration, null)));
        Assert.Equal("{ \"profile.window\" : 2, \"profile.office_id\" : \"o-9\" }", Render(MongoStaffDirectory.ByWindow(Window.SocialAssistance, "o-9")));
        Assert.Equal("{ \"profile.badge_number\" : 1 }", Render(MongoStaffDirectory.ByBadge));
    }

    [Fact]
    public void Lookups_by_id_and_idempotency_key_use_the_stored_names()
    {
        Assert.Equal("{ \"_id\" : \"s1\" }", Render(MongoStaffDirectory.ById("s1")));
        Assert.Equal("{ \"idempotency_key\" : \"k\" }", Render(MongoStaffDirectory.ByIdempotencyKey("k")));
        Assert.Equal("{ \"idempotency_key\" : \"k\" }", Render(MongoCommitmentBook.ByIdempotencyKey("k")));
    }

    [Fact]
    public void Commitments_of_several_staff_are_one_in_query_sorted_by_deadline()
    {
        Assert.Equal("{ \"staff_id\" : { \"$in\" : [\"a\", \"b\"] } }", Render(MongoCommitmentBook.ByStaff(["a", "b"])));
        Assert.Equal("{ \"deadline\" : 1, \"published_at\" : 1, \"_id\" : 1 }", Render(MongoCommitmentBook.ByDeadline));
    }

    [Fact]
    public void The_idempotency_index_is_unique_and_only_over_documents_that_have_a_key()
    {
        var index = MongoStaffDirectory.Indexes().Single(i => i.Options.Name == MongoValues.IdempotencyIndex);
        Assert.True(index.Options.Unique);
        var options = Assert.IsType<CreateIndexOptions<StaffMemberDocument>>(index.Options);
        Assert.Equal("{ \"idempotency_key\" : { \"$exists\" : true } }", Render(options.PartialFilterExpression));
    }

    [Fact]
    public void A_staff_member_document_round_trips_through_bson_without_a_key_field_when_none_was_given()
    {
        var member = StaffMember.Register(new StaffProfile("张晓明", "B-1", "photos/a.jpg", Window.PlaceNames, "o", "p", ["d1", "d2"], true),
            new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var bson = StaffMemberDocument.From(member, null).ToBsonDocument();
        Assert.False(bson.Contains("idempotency_key"));
        Assert.Equal(10, bson["profile"]["window"].AsInt32);
        Assert.Equal(1, bson["history"][0]["version"].AsInt32);
        var back = BsonSerializer.Deserialize<StaffMemberDocument>(bson).ToDomain();
        Assert.Equal(member.RegisteredAt, back.RegisteredAt);
        Assert.Equal(member.Profile.Duties, back.Profile.Duties);
        Assert.Equal(member.Profile with { Duties = back.Profile.Duties }, back.Profile);
    }

    [Fact]
    public void A_commitment_document_keeps_the_deadline_as_a_date_string_and_the_outcome_nested()
    {
        var commitment = new Commitment("c1", "s1", Window.ChildWelfare, "一次办好", new DateOnly(2026, 11, 30),
            new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero),
            new CommitmentOutcome(false, "投诉", "insp", new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)));
        var bson = CommitmentDocument.From(commitment, new IdempotencyTag("k", "F")).ToBsonDocument();
        Assert.Equal("2026-11-30", bson["deadline"].AsString);
        Assert.False(bson["outcome"]["kept"].AsBoolean);
        Assert.Equal("k", bson["idempotency_key"].AsString);
        Assert.Equal(commitment, BsonSerializer.Deserialize<CommitmentDocument>(bson).ToDomain());
    }

    [Fact]
    public void A_change_is_conditional_on_the_version_it_was_made_from_and_pushes_its_history_entry()
    {
        Assert.Equal("{ \"_id\" : \"s1\", \"version\" : 3 }", Render(MongoStaffDirectory.AtVersion("s1", 3)));
        var member = StaffMember.Register(new StaffProfile("张晓明", "B-1", "a.jpg", Window.PlaceNames, "o", "p", ["d"], true),
            new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero)).Change(new StaffProfile("张晓明", "B-2", "a.jpg", Window.PlaceNames, "o", "p2", ["d"], true));
        var change = new StaffChange(member.Id, 2, member.Profile, new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), "调岗", "人事科");
        var update = BsonDocument.Parse(Render(MongoStaffDirectory.Change(member, change, new IdempotencyTag("k", "F"))));
        Assert.Equal(["$set", "$push"], update.Names);
        Assert.Equal(2, update["$set"]["version"].AsInt32);
        Assert.Equal("B-2", update["$set"]["profile"]["badge_number"].AsString);
        Assert.Equal("k", update["$push"]["history"]["idempotency_key"].AsString);
        Assert.Equal("调岗", update["$push"]["history"]["reason"].AsString);
    }

    [Fact]
    public void A_change_is_found_by_its_key_inside_the_history()
    {
        Assert.Equal("{ \"history\" : { \"$elemMatch\" : { \"idempotency_key\" : \"k\" } } }",
            Render(MongoStaffDirectory.ByChangeIdempotencyKey("k")));
        Assert.Contains(MongoStaffDirectory.Indexes(), i => i.Options.Name == MongoStaffDirectory.ChangeIdempotencyIndex && i.Options.Unique == true);
    }

    [Fact]
    public void An_outcome_is_written_only_where_none_exists()
    {
        Assert.Equal("{ \"_id\" : \"c1\", \"outcome\" : { \"$exists\" : false } }", Render(MongoCommitmentBook.Unresolved("c1")));
        var update = BsonDocument.Parse(Render(MongoCommitmentBook.Resolve(
            new CommitmentOutcome(true, "台账", "督查组", new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero)), new IdempotencyTag("k", "F"))));
        Assert.True(update["$set"]["outcome"]["kept"].AsBoolean);
        Assert.Equal("k", update["$set"]["outcome_idempotency_key"].AsString);
    }

    [Fact]
    public void The_overdue_query_compares_deadline_strings_and_filters_the_window_when_asked()
    {
        Assert.Equal("{ \"outcome\" : { \"$exists\" : false }, \"deadline\" : { \"$lt\" : \"2026-11-05\" } }",
            Render(MongoCommitmentBook.OpenDueBefore(null, new DateOnly(2026, 11, 5))));
        Assert.Equal("{ \"outcome\" : { \"$exists\" : false }, \"deadline\" : { \"$lt\" : \"2026-11-05\" }, \"window\" : 6 }",
            Render(MongoCommitmentBook.OpenDueBefore(Window.FuneralServices, new DateOnly(2026, 11, 5))));
    }

    [Fact]
    public void The_duty_of_a_day_is_read_latest_first()
    {
        Assert.Equal("{ \"date\" : \"2026-11-03\", \"staff_id\" : { \"$in\" : [\"a\"] } }",
            Render(MongoDutyLog.ForDay(["a"], new DateOnly(2026, 11, 3))));
        Assert.Equal("{ \"_id\" : -1 }", Render(MongoDutyLog.LatestFirst));
    }

    [Fact]
    public void One_designation_in_force_per_holder_is_a_unique_index_partial_on_in_force()
    {
        var index = MongoDesignationRegister.Indexes().Single(i => i.Options.Name == MongoDesignationRegister.InForceIndex);
        Assert.True(index.Options.Unique);
        var options = Assert.IsType<CreateIndexOptions<DesignationDocument>>(index.Options);
        Assert.Equal("{ \"in_force\" : true }", Render(options.PartialFilterExpression));
        Assert.Equal("{ \"_id\" : \"d1\", \"in_force\" : true }", Render(MongoDesignationRegister.InForce("d1")));
        Assert.Equal("{ \"window\" : 1, \"in_force\" : true }", Render(MongoDesignationRegister.ByWindow(Window.MarriageRegistration, false)));
        Assert.Equal("{ \"window\" : 1 }", Render(MongoDesignationRegister.ByWindow(Window.MarriageRegistration, true)));
    }

    [Fact]
    public void A_withdrawal_clears_in_force_and_keeps_the_reason()
    {
        var update = BsonDocument.Parse(Render(MongoDesignationRegister.Withdraw(
            new DesignationWithdrawal(new DateOnly(2026, 6, 30), "调离", "党委", new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)), null)));
        Assert.False(update["$set"]["in_force"].AsBoolean);
        Assert.Equal("2026-06-30", update["$set"]["withdrawal"]["on"].AsString);
        Assert.False(update["$set"].AsBsonDocument.Contains("withdrawal_idempotency_key"));
    }

    [Fact]
    public void Rule_edits_are_conditional_on_the_version_and_inactive_rules_hidden_by_default()
    {
        Assert.Equal("{ \"_id\" : \"T-01\", \"version\" : 2 }", Render(MongoConductCode.AtVersion("T-01", 2)));
        Assert.Equal("{ \"active\" : true }", Render(MongoConductCode.Listing(false)));
        Assert.Equal("{ }", Render(MongoConductCode.Listing(true)));
        Assert.Equal("{ \"part\" : 1, \"_id\" : 1 }", Render(MongoConductCode.ByPart));
    }

    [Fact]
    public void Inspections_of_a_period_compare_observation_date_strings()
    {
        Assert.Equal("{ \"staff_id\" : { \"$in\" : [\"s\"] }, \"observed_on\" : { \"$gte\" : \"2026-11-01\", \"$lte\" : \"2026-11-30\" } }",
            Render(MongoInspectionLog.ByStaffBetween(["s"], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))));
        Assert.Equal("{ \"staff_id\" : { \"$in\" : [\"s\"] } }", Render(MongoInspectionLog.ByStaffBetween(["s"], null, null)));
    }

    [Fact]
    public void A_score_batch_is_pushed_only_where_none_of_its_participants_is_scored()
    {
        Assert.Equal("{ \"_id\" : \"c1\", \"scores.staff_id\" : { \"$nin\" : [\"a\", \"b\"] } }",
            Render(MongoContestBook.NoneScoredYet("c1", ["a", "b"])));
        var update = BsonDocument.Parse(Render(MongoContestBook.AddScores(
            [new ContestScore("a", 90, new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero))], new IdempotencyTag("k", "F"))));
        Assert.Equal(90, update["$push"]["scores"]["$each"][0]["score"].AsDouble);
        Assert.Equal("k", update["$push"]["score_batches"]["key"].AsString);
    }

    [Fact]
    public void Contests_of_a_month_and_case_reports_of_a_month_are_string_comparisons()
    {
        Assert.Equal("{ \"held_on\" : { \"$gte\" : \"2026-11-01\", \"$lte\" : \"2026-11-30\" } }",
            Render(MongoContestBook.HeldBetween(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))));
        Assert.Equal("{ \"month\" : \"2026-11\", \"staff_id\" : { \"$in\" : [\"s\"] } }", Render(MongoCaseLedger.OfMonth(["s"], new Month(2026, 11))));
        var bson = CaseReportDocument.From(new CaseReport("evt-1", "s", Window.MarriageRegistration, new Month(2026, 11), 3, "marriage",
            new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero)), "F").ToBsonDocument();
        Assert.Equal("evt-1", bson["_id"].AsString);
    }

    [Fact]
    public void Catalogue_versions_are_unique_per_item_and_version_and_read_per_item_or_window()
    {
        Assert.Equal("{ \"item_id\" : \"MR-01\" }", Render(MongoServiceCatalogue.OfItem("MR-01")));
        Assert.Equal("{ \"window\" : 3 }", Render(MongoServiceCatalogue.OfWindow(Window.ElderlyCare)));
        Assert.Equal("{ }", Render(MongoServiceCatalogue.OfWindow(null)));
        Assert.Contains(MongoServiceCatalogue.Indexes(), i => i.Options.Unique == true);
        Assert.Equal("{ \"item_id\" : \"MR-01\", \"month\" : \"2026-11\" }", Render(MongoServiceTimeLedger.OfMonth("MR-01", new Month(2026, 11))));
        var seed = CatalogueSeed.Items(new DateOnly(2026, 11, 2), new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero))[0];
        var bson = ServiceItemDocument.From(seed).ToBsonDocument();
        Assert.Equal("MR-01@1", bson["_id"].AsString);
        var back = BsonSerializer.Deserialize<ServiceItemDocument>(bson).ToDomain();
        Assert.True(back.Content.SameAs(seed.Content));
    }

    [Fact]
    public void Complaints_are_the_bad_ratings_of_one_staff_member_within_the_dates_newest_first()
    {
        Assert.Equal("{ \"staff_id\" : \"s1\", \"complaint\" : true, \"rated_on\" : { \"$gte\" : \"2026-10-01\", \"$lte\" : \"2026-10-31\" } }",
            Render(MongoRatingLedger.ComplaintsOf("s1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31))));
        Assert.Equal("{ \"staff_id\" : \"s1\", \"complaint\" : true }", Render(MongoRatingLedger.ComplaintsOf("s1", null, null)));
        Assert.Equal("{ \"rated_on\" : -1, \"recorded_at\" : -1, \"_id\" : 1 }", Render(MongoRatingLedger.NewestFirst));
        Assert.Equal("{ \"rating_id\" : { \"$in\" : [\"r1\", \"r2\"] } }", Render(MongoRatingLedger.ClosuresOf(["r1", "r2"])));
    }
}
