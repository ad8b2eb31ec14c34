using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

/// <summary>Every filter the Mongo adapters send, built here so tests can render them to BSON and check their shape.</summary>
internal static class MongoFilters
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static FilterDefinition<BsonDocument> ById(string id) => Filter.Eq("_id", id);

    /// <summary>Other active households holding any of these people (full ID numbers, matched exactly).</summary>
    public static FilterDefinition<BsonDocument> OtherActiveHouseholdsWithAnyOf(string householdId, IEnumerable<string> idNumbers) =>
        Filter.And(Filter.Ne("_id", householdId), Filter.Eq("active", true), Filter.In("memberIds", idNumbers));

    public static FilterDefinition<BsonDocument> OpenApplicationOf(string householdId) => Filter.Eq("openHouseholdId", householdId);

    /// <summary>The application at the version the caller read: optimistic concurrency.</summary>
    public static FilterDefinition<BsonDocument> AtVersion(string id, int version) =>
        Filter.And(Filter.Eq("_id", id), Filter.Eq("version", version));

    public static FilterDefinition<BsonDocument> InStatus(IEnumerable<string> statusCodes) => Filter.In("status", statusCodes);

    /// <summary>A programme's payments for a month to any of these households: who was paid already.</summary>
    public static FilterDefinition<BsonDocument> PaymentsFor(string programme, string month, IEnumerable<string> householdIds) =>
        Filter.And(Filter.Eq("programme", programme), Filter.Eq("month", month), Filter.In("householdId", householdIds));

    public static FilterDefinition<BsonDocument> PaymentsOfHousehold(string householdId) => Filter.Eq("householdId", householdId);

    public static FilterDefinition<BsonDocument> OpenSupportCase(string openKey) => Filter.Eq("openKey", openKey);

    public static string IdempotencyId(string scope, string key) => $"{scope}:{key}";
}
