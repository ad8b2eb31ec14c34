using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage.Mongo;
using CivilAffairs.SocialAssistance.Storage.Sqlite;

namespace CivilAffairs.SocialAssistance.Storage;

public static class SocialAssistanceStorage
{
    public const string ServiceName = "social-assistance";

    /// <summary>The store chosen by <c>Storage:Provider</c>: SQLite (data/social-assistance.db) or MongoDB.</summary>
    public static IHostApplicationBuilder AddSocialAssistanceStore(this IHostApplicationBuilder builder) =>
        builder.AddServiceStore(ServiceName,
            addSqliteAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, SqliteSchema>();
                services.AddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
                services.AddSingleton<IHouseholdStore, SqliteHouseholdStore>();
                services.AddSingleton<IApplicationStore, SqliteApplicationStore>();
                services.AddSingleton<IPaymentStore, SqlitePaymentStore>();
                services.AddSingleton<ISupportCaseStore, SqliteSupportCaseStore>();
            },
            addMongoAdapters: services =>
            {
                services.AddSingleton<MongoCollections>();
                services.AddSingleton<IStoreInitializer, MongoIndexes>();
                services.AddSingleton<IIdempotencyStore, MongoIdempotencyStore>();
                services.AddSingleton<IHouseholdStore, MongoHouseholdStore>();
                services.AddSingleton<IApplicationStore, MongoApplicationStore>();
                services.AddSingleton<IPaymentStore, MongoPaymentStore>();
                services.AddSingleton<ISupportCaseStore, MongoSupportCaseStore>();
            });
}
