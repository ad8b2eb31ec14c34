using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>Aggregates and events as the domain hands them to the stores, and a fresh store of a kind for a suite.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    public static Task<FreshStore> StoreAsync(string kind) => FreshStore.CreateAsync(kind, SocialAssistanceDocuments.All);

    /// <summary>An event for another service, as the domain hands it to a store with a completing decision.</summary>
    public static OutboxMessage Event(string id, string caseId) =>
        new(id, caseId, "feedback", "/civilaffairs.feedback.v1.Feedback/CreateInvitation", [1, 2, 3], Window.SocialAssistance, null, Now);

    /// <summary>The events waiting in the outbox, in the order they were written.</summary>
    public static async Task<IReadOnlyList<string>> PendingEventsAsync(this FreshStore fresh) =>
        (await fresh.Outbox.PendingAsync(100, CancellationToken.None)).Select(e => e.Message.EventId).ToList();

    public static Household Household(params string[] idNumbers) => new()
    {
        Id = Ids.New("hh"),
        CountyCode = "110105",
        Address = "幸福路 8 号",
        Members = idNumbers.Select((id, i) => new HouseholdMember($"成员{i}", ResidentIdNumber.Parse(id, "id"),
            i == 0 ? Relation.Head : Relation.Child, 10_000 * (i + 1))).ToList(),
        RegisteredAt = Now,
    };

    public static DibaoApplication Application(string? householdId = null) => new()
    {
        Id = Ids.New("dba"),
        HouseholdId = householdId ?? Ids.New("hh"),
        ApplicantKind = ApplicantKind.Committee,
        ApplicantName = "居委会",
        Reason = "因病",
        Status = ApplicationStatus.Submitted,
        SubmittedAt = Now,
    };

    public static Payment Payment(string householdId, DateOnly month, long amount, string source, Programme programme = Programme.Dibao) => new()
    {
        Id = Ids.New("pay"), HouseholdId = householdId, CaseId = "dba_" + householdId, Programme = programme, Month = month,
        AmountFen = amount, PaidAt = Now, Source = source,
    };

    public static SupportCase SupportCase(string householdId, Programme programme, SupportStatus status, string person = "") => new()
    {
        Id = Ids.New("sup"), HouseholdId = householdId, Programme = programme, Status = status, OpenedAt = Now, OpenedBy = "clerk",
        PersonIdNumber = person, AmountFen = 10_000,
    };
}
