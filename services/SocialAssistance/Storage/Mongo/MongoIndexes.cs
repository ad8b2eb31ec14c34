using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

/// <summary>The unique indexes that carry the rules, created at start-up.</summary>
internal sealed class MongoIndexes(MongoCollections collections, IMongoDatabase database) : IStoreInitializer
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
    internal static CreateIndexModel<BsonDocument> OneOpenApplication() => UniqueWhereSet("openHouseholdId", "ux_open_application");

    /// <summary>A household is paid once a month per programme.</summary>
    internal static CreateIndexModel<BsonDocument> OnePaymentPerMonth() => new(
        Builders<BsonDocument>.IndexKeys.Ascending("householdId").Ascending("programme").Ascending("month"),
        new CreateIndexOptions<BsonDocument> { Name = "ux_payment_month", Unique = true });

    /// <summary>One open extreme-poverty case per person (other cases carry no key).</summary>
    internal static CreateIndexModel<BsonDocument> OneOpenSupportCase() => UniqueWhereSet("openKey", "ux_open_support_case");

    /// <summary>Unique among the documents that carry the (string) field; the others are not indexed.</summary>
    private static CreateIndexModel<BsonDocument> UniqueWhereSet(string field, string name) => new(
        Builders<BsonDocument>.IndexKeys.Ascending(field),
        new CreateIndexOptions<BsonDocument>
        {
            Name = name,
            Unique = true,
            PartialFilterExpression = Builders<BsonDocument>.Filter.Type(field, BsonType.String),
        });

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Collections first written inside a transaction are created here, outside one (older servers refuse that).
        var existing = await (await database.ListCollectionNamesAsync(cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        foreach (var name in new[] { "households", "applications", "support_cases", "payments", "payment_runs", "idempotency_keys" }.Except(existing))
            await database.CreateCollectionAsync(name, cancellationToken: cancellationToken);
        await collections.Households.Indexes.CreateOneAsync(ActiveMembership(), cancellationToken: cancellationToken);
        await collections.Applications.Indexes.CreateManyAsync(
        [
            OneOpenApplication(),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("householdId")),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("status")),
        ], cancellationToken);
        await collections.Payments.Indexes.CreateOneAsync(OnePaymentPerMonth(), cancellationToken: cancellationToken);
        await collections.SupportCases.Indexes.CreateManyAsync(
        [
            OneOpenSupportCase(),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("status")),
        ], cancellationToken);
    }
}
