using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Storage;

public static class SocialAssistanceStorage
{
    public const string ServiceName = "social-assistance";

    /// <summary>The document store chosen by <c>Storage:Provider</c> (SQLite: data/social-assistance.db, or MongoDB),
    /// the adapters of the domain's ports over it, and the import of the earlier release's tables.</summary>
    public static IHostApplicationBuilder AddSocialAssistanceStore(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore(ServiceName, SocialAssistanceDocuments.All);
        builder.Services.AddSingleton<IHouseholdStore, HouseholdStore>();
        builder.Services.AddSingleton<IApplicationStore, ApplicationStore>();
        builder.Services.AddSingleton<IPaymentStore, PaymentStore>();
        builder.Services.AddSingleton<ISupportCaseStore, SupportCaseStore>();
        builder.Services.AddSingleton<IStandardStore, StandardStore>();
        builder.Services.AddSingleton<IStoreMigration, EarlierReleaseImport>();
        return builder;
    }
}
