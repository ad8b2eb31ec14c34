using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Mongo;
using MongoDB.Bson;
using static CivilAffairs.ServiceDefaults.Tests.Documents.TestCollections;

namespace CivilAffairs.ServiceDefaults.Tests.Documents;

/// <summary>The commands the MongoDB engine sends, rendered to the BSON the server receives (no server runs here).</summary>
public sealed class MongoCommandsTests
{
    private static readonly TestSlot Slot = new("s1", "xicheng", new DateOnly(2026, 12, 12), SlotKind.Morning, 20, 3);

    [Fact]
    public void A_stored_document_keeps_the_aggregate_as_BSON_beside_its_version_and_indexed_fields()
    {
        var stored = MongoCommands.StoredDocument(Slots, "s1", 4, Slot);
        Assert.Equal(BsonDocument.Parse("""
            { "_id": "s1", "_v": { "$numberLong": "4" },
              "f": { "office": "xicheng", "date": "2026-12-12", "kind": "Morning",
                     "capacity": { "$numberLong": "20" }, "booked": { "$numberLong": "3" } },
              "doc": { "id": "s1", "office": "xicheng", "date": "2026-12-12", "kind": "Morning", "capacity": 20, "booked": 3, "note": null } }
            """), stored);
        Assert.Equal(Slot, Slots.Deserialize(MongoCommands.DocumentJson(stored)));
    }

    [Fact]
    public void Taking_a_place_is_one_conditional_increment_of_the_counter_within_zero_and_the_capacity()
    {
        Assert.Equal(BsonDocument.Parse("""
            { "_id": "s1", "$expr": { "$and": [
                { "$gte": [ { "$add": [ "$f.booked", { "$numberLong": "1" } ] }, { "$numberLong": "0" } ] },
                { "$lte": [ { "$add": [ "$f.booked", { "$numberLong": "1" } ] }, "$f.capacity" ] } ] } }
            """), MongoCommands.IncrementFilter(Slots, "s1", "booked", 1));
        Assert.Equal(BsonDocument.Parse("""
            { "$inc": { "f.booked": { "$numberLong": "-1" }, "doc.booked": { "$numberLong": "-1" }, "_v": { "$numberLong": "1" } } }
            """), MongoCommands.IncrementUpdate("booked", -1));
    }

    [Fact]
    public void A_replacement_only_matches_the_version_that_was_read()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "c1", "_v": { "$numberLong": "7" } }"""), MongoCommands.AtVersion("c1", 7));
        var own = MongoCommands.PutUpdate(Cases, new TestCase("c1", 9, null, ["p1"], DateTimeOffset.UnixEpoch, 1));
        Assert.Equal(9, own["$set"]["_v"].AsInt64);
        Assert.Equal(BsonDocument.Parse("""{ "_v": { "$numberLong": "1" } }"""), MongoCommands.PutUpdate(Slots, Slot)["$inc"].AsBsonDocument);
    }

    [Fact]
    public void Unique_rules_are_named_indexes_that_skip_documents_without_the_values()
    {
        var indexes = MongoCommands.Indexes(Cases);
        var open = Assert.Single(indexes, i => i.Name == "one-open-case-per-household");
        Assert.True(open.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "f.openFor": 1 }"""), open.Keys);
        Assert.Equal(BsonDocument.Parse("""{ "f.openFor": { "$exists": true } }"""), open.Partial);
        var person = Assert.Single(indexes, i => i.Name == "one-case-per-person");
        Assert.Equal(BsonDocument.Parse("""{ "f.people": 1 }"""), person.Keys);
        // A closed case has no openFor: the field is left out, so the partial index does not hold it.
        var closed = MongoCommands.Fields(Cases, new TestCase("c1", 1, null, [], DateTimeOffset.UnixEpoch, 1));
        Assert.False(closed.Contains("openFor"));
        Assert.False(closed.Contains("people"));
        var slotIndex = Assert.Single(MongoCommands.Indexes(Slots), i => i.Unique);
        Assert.Equal(BsonDocument.Parse("""{ "f.office": 1, "f.date": 1, "f.kind": 1 }"""), slotIndex.Keys);
        Assert.Equal("one-slot-per-office-date-kind",
            MongoCommands.RuleOf("E11000 duplicate key error collection: civilaffairs.doc_slots index: one-slot-per-office-date-kind dup key: { f.office: \"x\" }"));
        Assert.Equal("id", MongoCommands.RuleOf("E11000 duplicate key error collection: civilaffairs.doc_slots index: _id_ dup key: { _id: \"s1\" }"));
    }

    [Fact]
    public void Queries_become_filters_and_sorts_on_the_indexed_fields_with_the_id_last()
    {
        var query = DocumentQuery.Where("office", "xicheng").AndBetween("date", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31))
            .AndIn("kind", [SlotKind.Morning, SlotKind.Afternoon]).AndNot("note", null).OrderByDescending("date");
        Assert.Equal(BsonDocument.Parse("""
            { "$and": [ { "f.office": "xicheng" }, { "f.date": { "$gte": "2026-12-01" } }, { "f.date": { "$lte": "2026-12-31" } },
                        { "f.kind": { "$in": [ "Morning", "Afternoon" ] } }, { "f.note": { "$ne": null } } ] }
            """), MongoCommands.Filter(Slots, query));
        Assert.Equal(BsonDocument.Parse("""{ "f.date": -1, "_id": 1 }"""), MongoCommands.Sort(query));
        Assert.Equal(BsonDocument.Parse("""{ "f.people": "p1" }"""), MongoCommands.Filter(Cases, DocumentQuery.Where("people", "p1")));
        Assert.Throws<ArgumentException>(() => MongoCommands.Filter(Cases, DocumentQuery.All.AndAtLeast("people", "p")));
    }

    [Fact]
    public void Figures_are_one_aggregation_grouping_on_the_fields()
    {
        var pipeline = MongoCommands.GroupPipeline(Slots, DocumentQuery.Where("office", "xicheng"), ["date", "kind"], "booked");
        Assert.Equal(BsonDocument.Parse("""{ "$match": { "f.office": "xicheng" } }"""), pipeline[0]);
        Assert.Equal(BsonDocument.Parse("""
            { "$group": { "_id": { "k0": "$f.date", "k1": "$f.kind" }, "count": { "$sum": 1 }, "sum": { "$sum": "$f.booked" } } }
            """), pipeline[1]);
        Assert.Equal(BsonDocument.Parse("""{ "$sort": { "_id.k0": 1, "_id.k1": 1 } }"""), pipeline[2]);
    }
}
