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
            services =>
            {
                services.AddSingleton<IStoreInitializer, SqliteMarriageSchema>();
                services.AddPorts<SqliteOfficeStore, SqliteCalendarStore, SqliteAppointmentStore, SqliteHallStore, SqliteMarriageArchive>();
            },
            services =>
            {
                services.AddSingleton<MongoMarriageCollections>();
                services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<MongoMarriageCollections>());
                services.AddPorts<MongoOfficeStore, MongoCalendarStore, MongoAppointmentStore, MongoHallStore, MongoMarriageArchive>();
            });

    private static void AddPorts<TOffices, TCalendar, TAppointments, THall, TArchive>(this IServiceCollection services)
        where TOffices : class, IOfficeStore
        where TCalendar : class, IMarriageCalendarStore
        where TAppointments : class, IAppointmentStore
        where THall : class, IHallStore
        where TArchive : class, IMarriageArchive
    {
        services.AddSingleton<IOfficeStore, TOffices>();
        services.AddSingleton<IMarriageCalendarStore, TCalendar>();
        services.AddSingleton<IAppointmentStore, TAppointments>();
        services.AddSingleton<IHallStore, THall>();
        services.AddSingleton<IMarriageArchive, TArchive>();
    }
}
