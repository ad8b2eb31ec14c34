using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SocialAssistance.Domain;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>The ledger and its runs; the unique rule pays a household once a month per programme.</summary>
internal sealed class PaymentStore(IDocumentStore store) : IPaymentStore
{
    public async Task<PaymentRun> RecordRunAsync(PaymentRun run, IReadOnlyList<Payment> payments)
    {
        var months = payments.Select(p => (object?)p.Month).Distinct();
        var paid = (await store.FindAsync(Payments, DocumentQuery.All.AndIn("month", months))).Select(p => PaidFor(p.Document)).ToHashSet();
        var due = payments.Where(p => paid.Add(PaidFor(p))).ToList();
        var stored = run with { PaidCount = due.Count, AlreadyPaidCount = payments.Count - due.Count, TotalPaidFen = due.Sum(p => p.AmountFen) };
        var batch = new WriteBatch().Insert(Runs, stored);
        foreach (var payment in due) batch.Insert(Payments, payment);
        return await store.CommitAsync(batch) switch
        {
            null => stored,
            // Another run paid some of them since they were read: count again.
            WriteConflict.DuplicateKey { Rule: OnePaymentPerMonthAndProgramme } => await RecordRunAsync(run, payments),
            var other => throw new UnexpectedConflict(other),
        };
    }

    public async Task<PaymentRun?> GetRunAsync(string runId) => (await store.GetAsync(Runs, runId))?.Document;

    public async Task<IReadOnlyList<Payment>> ListByHouseholdAsync(string householdId) =>
        (await store.FindAsync(Payments, DocumentQuery.Where("household", householdId).OrderBy("month").OrderBy("programme")))
            .Select(p => p.Document).ToList();

    private static (string, DateOnly, Programme) PaidFor(Payment payment) => (payment.HouseholdId, payment.Month, payment.Programme);
}
