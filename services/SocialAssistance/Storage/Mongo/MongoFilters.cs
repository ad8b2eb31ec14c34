using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

/// <summary>Every filter the Mongo adapters send, built here so tests can render them to BSON and check their shape.</summary>
internal static class MongoFilters
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static FilterDefinition<BsonDocument> ById(string id) => Filter.Eq("_id", id);

    /// <summary>Active households holding any of these people (full ID numbers, matched exactly).</summary>
    public static FilterDefinition<BsonDocument> ActiveHouseholdsWithAnyOf(IEnumerable<string> idNumbers) =>
        Filter.And(Filter.Eq("active", true), Filter.In("memberIds", idNumbers));

    public static FilterDefinition<BsonDocument> OpenApplicationOf(string householdId) => Filter.Eq("openHouseholdId", householdId);

    public static string IdempotencyId(string scope, string key) => $"{scope}:{key}";
}
