using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.Marriage.Storage;

public static class MarriageStorage
{
    /// <summary>The marriage store over the shared document store (<c>Storage:Provider</c>: SQLite by default, or MongoDB),
    /// with the import of a store file of the earlier release.</summary>
    public static IHostApplicationBuilder AddMarriageStore(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore("marriage", MarriageDocuments.All);
        var services = builder.Services;
        services.AddSingleton<NumberSeries>();
        services.AddSingleton<AppointmentStore>();
        services.AddSingleton<IAppointmentStore>(sp => sp.GetRequiredService<AppointmentStore>());
        services.AddSingleton<IOfficeStore, OfficeStore>();
        services.AddSingleton<IMarriageCalendarStore, MarriageCalendarStore>();
        services.AddSingleton<IHallStore, HallStore>();
        services.AddSingleton<IMarriageArchive, MarriageArchive>();
        services.AddSingleton<IMarriageStatusRegistry, LocalArchiveMarriageStatus>();
        services.AddSingleton<IStoreMigration, EarlierReleaseImport>();
        return builder;
    }
}
