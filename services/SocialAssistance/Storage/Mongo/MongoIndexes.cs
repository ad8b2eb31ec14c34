using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

/// <summary>The unique indexes that carry the rules, created at start-up.</summary>
internal sealed class MongoIndexes(MongoCollections collections) : IStoreInitializer
{
    /// <summary>A person is a member of one active household at most.</summary>
    internal static CreateIndexModel<BsonDocument> ActiveMembership() => new(
        Builders<BsonDocument>.IndexKeys.Ascending("memberIds"),
        new CreateIndexOptions<BsonDocument>
        {
            Name = "ux_active_member",
            Unique = true,
            PartialFilterExpression = Builders<BsonDocument>.Filter.Eq("active", true),
        });

    /// <summary>A household has one open application at most (closed ones drop the field).</summary>
    internal static CreateIndexModel<BsonDocument> OneOpenApplication() => new(
        Builders<BsonDocument>.IndexKeys.Ascending("openHouseholdId"),
        new CreateIndexOptions<BsonDocument>
        {
            Name = "ux_open_application",
            Unique = true,
            PartialFilterExpression = Builders<BsonDocument>.Filter.Type("openHouseholdId", BsonType.String),
        });

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await collections.Households.Indexes.CreateOneAsync(ActiveMembership(), cancellationToken: cancellationToken);
        await collections.Applications.Indexes.CreateManyAsync(
        [
            OneOpenApplication(),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("householdId")),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("status")),
        ], cancellationToken);
    }
}
