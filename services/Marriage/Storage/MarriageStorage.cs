using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Mongo;
using CivilAffairs.Marriage.Storage.Sqlite;
using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.Marriage.Storage;

public static class MarriageStorage
{
    /// <summary>The marriage store: SQLite by default, MongoDB when <c>Storage:Provider</c> is <c>mongo</c>.</summary>
    public static IHostApplicationBuilder AddMarriageStore(this IHostApplicationBuilder builder) =>
        builder.AddServiceStore("marriage",
            services => services.AddPorts<SqliteMarriageStore>(),
            services => services.AddPorts<MongoMarriageStore>());

    private static void AddPorts<TStore>(this IServiceCollection services)
        where TStore : class, IMarriageCalendarStore, IAppointmentStore, IStoreInitializer
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<IMarriageCalendarStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IAppointmentStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<TStore>());
    }
}
