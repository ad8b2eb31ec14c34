using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Storage;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(ResidentIdNumberJson), typeof(UpperSnakeCaseEnumJson)])]
[JsonSerializable(typeof(Household))]
[JsonSerializable(typeof(DibaoApplication))]
[JsonSerializable(typeof(SupportCase))]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(PaymentRun))]
[JsonSerializable(typeof(LocalStandard))]
internal sealed partial class SocialAssistanceJson : JsonSerializerContext;

/// <summary>
/// The service's documents, for both engines: each aggregate is its own JSON (the shape earlier releases kept in their
/// <c>doc</c> columns), beside the fields its rules and lists need. The unique rules carry the rules of the domain.
/// </summary>
public static class SocialAssistanceDocuments
{
    public const string OneActiveHouseholdPerPerson = "one-active-household-per-person";
    public const string OneOpenApplicationPerHousehold = "one-open-application-per-household";
    public const string OnePaymentPerMonthAndProgramme = "one-payment-per-household-month-programme";
    public const string OneOpenExtremePovertyCasePerPerson = "one-open-extreme-poverty-case-per-person";

    /// <summary>An active household holds its members' ID numbers; an inactive one holds none.</summary>
    public static readonly DocumentCollection<Household> Households =
        new DocumentCollection<Household>("households", SocialAssistanceJson.Default.Household, h => h.Id, h => h.Version)
            .Many("activeMembers", h => h.Active ? h.Members.Select(m => (object?)m.IdNumber.Value) : [])
            .Unique(OneActiveHouseholdPerPerson, "activeMembers");

    /// <summary><c>openHousehold</c> is the household while the application is open, null once it is closed.</summary>
    public static readonly DocumentCollection<DibaoApplication> Applications =
        new DocumentCollection<DibaoApplication>("applications", SocialAssistanceJson.Default.DibaoApplication, a => a.Id, a => a.Version)
            .Field("status", a => a.Status)
            .Field("submittedAt", a => a.SubmittedAt)
            .Field("openHousehold", a => a.IsOpen ? a.HouseholdId : null)
            .Index("status", "submittedAt")
            .Unique(OneOpenApplicationPerHousehold, "openHousehold");

    /// <summary>The ledger: never changed or deleted.</summary>
    public static readonly DocumentCollection<Payment> Payments =
        new DocumentCollection<Payment>("payments", SocialAssistanceJson.Default.Payment, p => p.Id)
            .Field("household", p => p.HouseholdId)
            .Field("month", p => p.Month)
            .Field("programme", p => p.Programme)
            .Index("month")
            .Unique(OnePaymentPerMonthAndProgramme, "household", "month", "programme");

    public static readonly DocumentCollection<PaymentRun> Runs =
        new DocumentCollection<PaymentRun>("payment_runs", SocialAssistanceJson.Default.PaymentRun, r => r.Id);

    /// <summary><c>openKey</c> names the person while an extreme-poverty case is active, null otherwise.</summary>
    public static readonly DocumentCollection<SupportCase> SupportCases =
        new DocumentCollection<SupportCase>("support_cases", SocialAssistanceJson.Default.SupportCase, c => c.Id, c => c.Version)
            .Field("status", c => c.Status)
            .Field("openedAt", c => c.OpenedAt)
            .Field("openKey", c => c.OpenKey)
            .Index("status", "openedAt")
            .Unique(OneOpenExtremePovertyCasePerPerson, "openKey");

    /// <summary>Standards the bureau published through the service; the id is the county and the effective date.</summary>
    public static readonly DocumentCollection<LocalStandard> Standards =
        new DocumentCollection<LocalStandard>("standards", SocialAssistanceJson.Default.LocalStandard,
                s => $"{s.CountyCode}:{CivilAffairs.SharedKernel.Dates.Format(s.EffectiveFrom)}")
            .Field("county", s => s.CountyCode)
            .Index("county");

    public static readonly IDocumentCollection[] All = [Households, Applications, Payments, Runs, SupportCases, Standards];
}
