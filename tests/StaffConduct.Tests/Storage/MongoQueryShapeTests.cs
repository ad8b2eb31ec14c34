using CivilAffairs.StaffConduct.Domain;
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

    internal static string Render<T>(SortDefinition<T> sort) =>
        sort.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry)).ToJson();

    [Fact]
    public void A_window_listing_filters_on_the_window_number_and_the_office_when_given()
    {
        Assert.Equal("{ \"window\" : 1 }", Render(MongoStaffDirectory.ByWindow(Window.MarriageRegistration, null)));
        Assert.Equal("{ \"window\" : 2, \"office_id\" : \"o-9\" }", Render(MongoStaffDirectory.ByWindow(Window.SocialAssistance, "o-9")));
        Assert.Equal("{ \"badge_number\" : 1 }", Render(MongoStaffDirectory.ByBadge));
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
        var index = MongoStaffDirectory.Indexes().Single(i => i.Options.Name == MongoStaffDirectory.IdempotencyIndex);
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
        Assert.Equal(10, bson["window"].AsInt32);
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
}
