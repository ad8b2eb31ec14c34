
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
    public void Cancelling_or_moving_only_touches_a_still_booked_appointment()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id" : "a1", "status" : 1 }"""), Render(MarriageQueries.BookedAppointment("a1")));
    }

    [Fact]
    public void One_active_appointment_per_person_is_a_unique_partial_index()
    {
        var index = MarriageQueries.OneActiveAppointmentPerPerson();
        Assert.True(index.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "activePersons" : { "$exists" : true } }"""), Render(index.Options.PartialFilterExpression));
        Assert.Equal(BsonDocument.Parse("""{ "activePersons" : 1 }"""),
            index.Keys.Render(new RenderArgs<AppointmentDocument>(
                BsonSerializer.SerializerRegistry.GetSerializer<AppointmentDocument>(), BsonSerializer.SerializerRegistry)));
    }

    [Fact]
    public void A_persons_active_holdings_from_today_are_found_by_either_id_number()
    {
        Assert.Equal(
            BsonDocument.Parse("""{ "date" : { "$gte" : "2026-12-12" }, "activePersons" : { "$in" : ["a", "b"] } }"""),
            Render(MarriageQueries.ActiveHolders("2026-12-12", "a", "b")));
    }

    [Fact]
    public void The_next_ticket_is_the_first_waiting_one_by_rank_then_time()
    {
        Assert.Equal(BsonDocument.Parse("""{ "officeId" : "o", "date" : "2026-12-12", "status" : 1 }"""),
            Render(MarriageQueries.WaitingOn("o", "2026-12-12")));
        var sort = MarriageQueries.QueueOrder().Render(new RenderArgs<CivilAffairs.Marriage.Storage.Documents.TicketDocument>(
            BsonSerializer.SerializerRegistry.GetSerializer<CivilAffairs.Marriage.Storage.Documents.TicketDocument>(), BsonSerializer.SerializerRegistry));
        Assert.Equal(BsonDocument.Parse("""{ "rank" : 1, "queuedAt" : 1, "number" : 1 }"""), sort);
    }

    [Fact]
    public void Versioned_updates_name_the_version_they_read()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id" : "m1", "version" : 3 }"""), Render(MarriageQueries.RecordAtVersion("m1", 3)));
        Assert.Equal(BsonDocument.Parse("""{ "_id" : "t1", "version" : 2 }"""), Render(MarriageQueries.TicketAtVersion("t1", 2)));
    }

    [Fact]
    public void Standing_marriages_and_open_divorces_are_unique_partial_indexes()
    {
        var marriages = MarriageQueries.OneStandingMarriagePerPerson();
        Assert.True(marriages.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "activeSpouses" : { "$exists" : true } }"""), Render(marriages.Options.PartialFilterExpression));
        var divorces = MarriageQueries.OneOpenDivorcePerMarriage();
        Assert.True(divorces.Options.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "openFor" : { "$exists" : true } }"""), Render(divorces.Options.PartialFilterExpression));
    }
}
