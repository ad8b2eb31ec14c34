using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage.Mongo;
using CivilAffairs.TestSupport;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The queries and documents sent to MongoDB, checked without a server.</summary>
public class MongoRenderingTests
{
    private static string Render(FilterDefinition<BsonDocument> filter) =>
        filter.Render(new RenderArgs<BsonDocument>(BsonSerializer.SerializerRegistry.GetSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry)).ToJson();

    [Fact]
    public void The_membership_check_matches_other_active_households_holding_any_of_the_people()
    {
        Assert.Equal("""{ "_id" : { "$ne" : "hh_1" }, "active" : true, "memberIds" : { "$in" : ["A", "B"] } }""",
            Render(MongoFilters.OtherActiveHouseholdsWithAnyOf("hh_1", ["A", "B"])));
    }

    [Fact]
    public void The_open_application_check_is_on_the_indexed_field()
    {
        Assert.Equal("""{ "openHouseholdId" : "hh_1" }""", Render(MongoFilters.OpenApplicationOf("hh_1")));
    }

    [Fact]
    public void An_update_matches_the_version_read_and_lists_match_status_codes()
    {
        Assert.Equal("""{ "_id" : "dba_1", "version" : 3 }""", Render(MongoFilters.AtVersion("dba_1", 3)));
        Assert.Equal("""{ "status" : { "$in" : ["POSTED", "COMMUNITY_REVIEW"] } }""",
            Render(MongoFilters.InStatus([ApplicationStatus.Posted.Code(), ApplicationStatus.CommunityReview.Code()])));
    }

    [Fact]
    public void The_already_paid_lookup_matches_programme_month_and_households_as_payments_are_stored()
    {
        Assert.Equal("""{ "programme" : "EXTREME_POVERTY", "month" : "2026-12-01", "householdId" : { "$in" : ["hh_1"] } }""",
            Render(MongoFilters.PaymentsFor(MongoPaymentStore.Code(Programme.ExtremePoverty), "2026-12-01", ["hh_1"])));
        var document = MongoCollections.ToDocument(new Payment
        {
            Id = "pay_1", HouseholdId = "hh_1", CaseId = "dba_1", Programme = Programme.ExtremePoverty, Month = new DateOnly(2026, 12, 1),
            AmountFen = 1, PaidAt = DateTimeOffset.UnixEpoch, Source = "run_1",
        }, "pay_1");
        Assert.Equal(("EXTREME_POVERTY", "2026-12-01", "hh_1"), (document["programme"].AsString, document["month"].AsString, document["householdId"].AsString));
        var index = MongoIndexes.OnePaymentPerMonth();
        Assert.True(index.Options.Unique);
    }

    [Fact]
    public void Only_an_active_extreme_poverty_case_carries_the_open_key_its_unique_index_holds()
    {
        var supportCase = new SupportCase
        {
            Id = "sup_1", HouseholdId = "hh_1", Programme = Programme.ExtremePoverty, Status = SupportStatus.Active,
            OpenedAt = DateTimeOffset.UnixEpoch, OpenedBy = "clerk", PersonIdNumber = "P",
        };

        Assert.Equal("extreme-poverty:P", MongoSupportCaseStore.ToDocument(supportCase)["openKey"].AsString);
        Assert.False(MongoSupportCaseStore.ToDocument(supportCase with { Programme = Programme.Temporary }).Contains("openKey"));
        Assert.Equal("""{ "openKey" : "extreme-poverty:P" }""", Render(MongoFilters.OpenSupportCase("extreme-poverty:P")));
        var index = MongoIndexes.OneOpenSupportCase();
        Assert.True(index.Options.Unique);
        Assert.Equal("""{ "openKey" : { "$type" : 2 } }""", Render(((CreateIndexOptions<BsonDocument>)index.Options).PartialFilterExpression));
    }

    [Fact]
    public void Large_amounts_and_instants_survive_the_trip_through_a_document()
    {
        var payment = new Payment
        {
            Id = "pay_1", HouseholdId = "hh_1", CaseId = "dba_1", Programme = Programme.Dibao, Month = new DateOnly(2026, 12, 1),
            AmountFen = 12_345_678_901_234, PaidAt = new DateTimeOffset(2026, 12, 10, 1, 2, 3, 456, TimeSpan.Zero), Source = "run_1",
        };

        var back = MongoCollections.FromDocument<Payment>(MongoCollections.ToDocument(payment, payment.Id));

        Assert.Equal(payment, back);
    }

    [Fact]
    public void The_unique_indexes_hold_only_active_households_and_open_applications()
    {
        var membership = MongoIndexes.ActiveMembership();
        Assert.True(membership.Options.Unique);
        Assert.Equal("""{ "active" : true }""", Render(((CreateIndexOptions<BsonDocument>)membership.Options).PartialFilterExpression));
        var open = MongoIndexes.OneOpenApplication();
        Assert.True(open.Options.Unique);
        Assert.Equal("""{ "openHouseholdId" : { "$type" : 2 } }""", Render(((CreateIndexOptions<BsonDocument>)open.Options).PartialFilterExpression));
    }

    [Fact]
    public void A_household_document_carries_its_id_its_member_ids_and_reads_back()
    {
        var id = IdNumbers.Man(40);
        var household = new Household
        {
            Id = "hh_1", CountyCode = "110105", Address = "a",
            Members = [new HouseholdMember("张三", ResidentIdNumber.Parse(id, "id"), Relation.Head, 1234)],
            RegisteredAt = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero),
        };

        var document = MongoHouseholdStore.ToDocument(household);

        Assert.Equal("hh_1", document["_id"].AsString);
        Assert.Equal(new BsonArray { id }, document["memberIds"].AsBsonArray);
        Assert.True(document["active"].AsBoolean);
        Assert.Equal("HEAD", document["members"][0]["relation"].AsString);
        var back = MongoCollections.FromDocument<Household>(document);
        Assert.Equal(household.Members, back.Members);
        Assert.Equal(household.RegisteredAt, back.RegisteredAt);
    }

    [Fact]
    public void Only_an_open_application_carries_the_open_household_field()
    {
        var application = new DibaoApplication
        {
            Id = "dba_1", HouseholdId = "hh_1", ApplicantKind = ApplicantKind.Household,
            Status = ApplicationStatus.Submitted, SubmittedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal("hh_1", MongoApplicationStore.ToDocument(application)["openHouseholdId"].AsString);
        Assert.False(MongoApplicationStore.ToDocument(application with { Status = ApplicationStatus.Refused }).Contains("openHouseholdId"));
        Assert.Equal("COMMUNITY_REVIEW", MongoApplicationStore.ToDocument(application with { Status = ApplicationStatus.CommunityReview })["status"].AsString);
    }
}
