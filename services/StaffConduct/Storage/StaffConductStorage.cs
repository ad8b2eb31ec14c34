using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.Storage.Mongo;
using CivilAffairs.StaffConduct.Storage.Sqlite;

namespace CivilAffairs.StaffConduct.Storage;

public static class StaffConductStorage
{
    public const string ServiceName = "staff-conduct";

    /// <summary>The staff-conduct store: SQLite by default, MongoDB when <c>Storage:Provider</c> is <c>mongo</c>.</summary>
    public static IHostApplicationBuilder AddStaffConductStore(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore(ServiceName,
            addSqliteAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, SqliteSchema>();
                services.AddSingleton<IStaffDirectory, SqliteStaffDirectory>();
                services.AddSingleton<ICommitmentBook, SqliteCommitmentBook>();
                services.AddSingleton<IDutyLog, SqliteDutyLog>();
                services.AddSingleton<IDesignationRegister, SqliteDesignationRegister>();
                services.AddSingleton<IConductCode, SqliteConductCode>();
                services.AddSingleton<IInspectionLog, SqliteInspectionLog>();
                services.AddSingleton<IContestBook, SqliteContestBook>();
                services.AddSingleton<ICaseLedger, SqliteCaseLedger>();
                services.AddSingleton<IRatingLedger, SqliteRatingLedger>();
                services.AddSingleton<IServiceCatalogue, SqliteServiceCatalogue>();
                services.AddSingleton<IServiceTimeLedger, SqliteServiceTimeLedger>();
            },
            addMongoAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, MongoIndexes>();
                services.AddSingleton<IStaffDirectory, MongoStaffDirectory>();
                services.AddSingleton<ICommitmentBook, MongoCommitmentBook>();
                services.AddSingleton<IDutyLog, MongoDutyLog>();
                services.AddSingleton<IDesignationRegister, MongoDesignationRegister>();
                services.AddSingleton<IConductCode, MongoConductCode>();
                services.AddSingleton<IInspectionLog, MongoInspectionLog>();
                services.AddSingleton<IContestBook, MongoContestBook>();
                services.AddSingleton<ICaseLedger, MongoCaseLedger>();
                services.AddSingleton<IRatingLedger, MongoRatingLedger>();
                services.AddSingleton<IServiceCatalogue, MongoServiceCatalogue>();
                services.AddSingleton<IServiceTimeLedger, MongoServiceTimeLedger>();
            });
        // After the schema or index initializer registered above: seeding needs the tables.
        builder.Services.AddSingleton<IStoreInitializer, ConductCodeSeeding>();
        builder.Services.AddSingleton<IStoreInitializer, CatalogueSeeding>();
        return builder;
    }
}
