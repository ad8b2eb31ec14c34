using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>Support cases as documents at their own version, each step written with its payment and events in one batch.</summary>
internal sealed class SupportCaseStore(IDocumentStore store) : ISupportCaseStore
{
    public async Task<SupportCase?> GetAsync(string id) => (await store.GetAsync(SupportCases, id))?.Document;

    public async Task<SupportWrite> AddAsync(SupportCase supportCase, Payment? payment, IReadOnlyList<OutboxMessage> events) =>
        Outcome(await store.CommitAsync(WithPayment(new WriteBatch().Insert(SupportCases, supportCase), payment).Outbox(events)));

    public async Task<SupportWrite> UpdateAsync(SupportCase supportCase, int expectedVersion, Payment? payment, IReadOnlyList<OutboxMessage> events) =>
        Outcome(await store.CommitAsync(WithPayment(new WriteBatch().Replace(SupportCases, supportCase, expectedVersion), payment).Outbox(events)));

    public async Task<IReadOnlyList<SupportCase>> ListByStatusAsync(IReadOnlyCollection<SupportStatus> statuses) =>
        (await store.FindAsync(SupportCases, DocumentQuery.All.AndIn("status", statuses.Cast<object?>()).OrderBy("openedAt")))
            .Select(c => c.Document).ToList();

    private static WriteBatch WithPayment(WriteBatch batch, Payment? payment) => payment is null ? batch : batch.Insert(Payments, payment);

    private static SupportWrite Outcome(WriteConflict? conflict) => conflict switch
    {
        null => SupportWrite.Done,
        WriteConflict.Stale => SupportWrite.Stale,
        WriteConflict.DuplicateKey { Rule: OneOpenExtremePovertyCasePerPerson } => SupportWrite.AlreadyOpen,
        WriteConflict.DuplicateKey { Rule: OnePaymentPerMonthAndProgramme } => SupportWrite.AlreadyPaid,
        _ => throw new UnexpectedConflict(conflict),
    };
}
