using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;

namespace CivilAffairs.StaffConduct.Storage;

public static class StaffConductStorage
{
    public const string ServiceName = "staff-conduct";

    /// <summary>The staff-conduct store (SQLite by default, MongoDB when <c>Storage:Provider</c> is <c>mongo</c>) and the
    /// adapters of the domain's ports over it.</summary>
    public static IHostApplicationBuilder AddStaffConductStore(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore(ServiceName, StaffConductDocuments.All);
        var services = builder.Services;
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddSingleton<ICommitmentBook, CommitmentBook>();
        services.AddSingleton<IDutyLog, DutyLog>();
        services.AddSingleton<IDesignationRegister, DesignationRegister>();
        services.AddSingleton<IConductCode, ConductCode>();
        services.AddSingleton<IInspectionLog, InspectionLog>();
        services.AddSingleton<IContestBook, ContestBook>();
        services.AddSingleton<ICaseLedger, CaseLedger>();
        services.AddSingleton<IRatingLedger, RatingLedger>();
        services.AddSingleton<IServiceCatalogue, ServiceCatalogue>();
        services.AddSingleton<IServiceTimeLedger, ServiceTimeLedger>();
        services.AddSingleton<IPublishedRankings, RankingArchive>();
        // In this order: an earlier release's store file is carried over first, so seeding finds its code and catalogue.
        services.AddSingleton<IStoreMigration, EarlierReleaseImport>();
        services.AddSingleton<IStoreMigration, StoreSeeding>();
        return builder;
    }
}
