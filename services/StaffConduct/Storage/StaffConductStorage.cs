using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Storage.Mongo;
using CivilAffairs.StaffConduct.Storage.Sqlite;

namespace CivilAffairs.StaffConduct.Storage;

public static class StaffConductStorage
{
    public const string ServiceName = "staff-conduct";

    /// <summary>The staff-conduct store: SQLite by default, MongoDB when <c>Storage:Provider</c> is <c>mongo</c>.</summary>
    public static IHostApplicationBuilder AddStaffConductStore(this IHostApplicationBuilder builder) =>
        builder.AddServiceStore(ServiceName,
            addSqliteAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, SqliteSchema>();
                services.AddSingleton<IStaffDirectory, SqliteStaffDirectory>();
                services.AddSingleton<ICommitmentBook, SqliteCommitmentBook>();
                services.AddSingleton<IDutyLog, SqliteDutyLog>();
            },
            addMongoAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, MongoIndexes>();
                services.AddSingleton<IStaffDirectory, MongoStaffDirectory>();
                services.AddSingleton<ICommitmentBook, MongoCommitmentBook>();
                services.AddSingleton<IDutyLog, MongoDutyLog>();
            });
}
