using CivilAffairs.Marriage.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Tests;

/// <summary>The MongoDB adapter's filters and updates, rendered to the BSON the server receives.</summary>
public class MarriageMongoQueryTests
{
    private static BsonDocument Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));

    private static BsonValue Render<T>(UpdateDefinition<T> update) =>
        update.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));

    [Fact]
    public void Taking_a_place_is_one_conditional_increment()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "_id" : "s1", "$expr" : { "$lt" : ["$booked", "$capacity"] } }"""),
            Render(MarriageQueries.SlotWithPlaceLeft("s1")));
        Assert.Equal(BsonDocument.Parse("""{ "$inc" : { "booked" : 1 } }"""), Render(MarriageQueries.TakePlace()));
    }

    [Fact]
    public void Giving_a_place_back_never_goes_below_zero()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id" : "s1", "booked" : { "$gt" : 0 } }"""), Render(MarriageQueries.SlotWithPlaceTaken("s1")));
        Assert.Equal(BsonDocument.Parse("""{ "$inc" : { "booked" : -1 } }"""), Render(MarriageQueries.GiveBackPlace()));
    }

    [Fact]
    public void Availability_reads_one_office_over_a_date_range()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "officeId" : "o", "date" : { "$gte" : "2026-12-01", "$lte" : "2026-12-31" } }"""),
            Render(MarriageQueries.SlotsOfOffice("o", "2026-12-01", "2026-12-31")));
    }

    [Fact]
    public void Cancelling_only_touches_an_active_appointment_and_releases_its_persons()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id" : "a1", "status" : 1 }"""), Render(MarriageQueries.ActiveAppointment("a1")));
        var update = Render(MarriageQueries.Cancel(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), "r")).AsBsonDocument;
        Assert.Equal(2, update["$set"]["status"].AsInt32);
        Assert.Equal("r", update["$set"]["cancelReason"].AsString);
        Assert.True(update["$unset"].AsBsonDocument.Contains("activePersons"));
    }

    [Fact]
    public void One_active_appointment_per_person_per_day_is_a_unique_partial_index()
    {
        var index = MarriageQueries.OneActiveAppointmentPerPersonPerDay();
        Assert.True(index.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "activePersons" : { "$exists" : true } }"""), Render(index.Options.PartialFilterExpression));
        Assert.Equal(BsonDocument.Parse("""{ "date" : 1, "activePersons" : 1 }"""),
            index.Keys.Render(new RenderArgs<AppointmentDocument>(
                BsonSerializer.SerializerRegistry.GetSerializer<AppointmentDocument>(), BsonSerializer.SerializerRegistry)));
    }

    [Fact]
    public void A_persons_active_holdings_are_found_by_either_id_number()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "date" : "2026-12-12", "activePersons" : { "$in" : ["a", "b"] } }"""),
            Render(MarriageQueries.ActiveHoldersOn("2026-12-12", "a", "b")));
    }
}
