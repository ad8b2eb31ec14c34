using System.Globalization;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>
/// Carries over the tables of the release before the document store (history included: it lives in the documents).
/// Households, applications and support cases were already documents of the same shape, copied as they are; payments
/// and payment runs were columns. Not imported: <c>household_members</c> (an index of the households' members, which
/// the documents declare now) and the idempotency tables (retries are answered by the platform's records).
/// </summary>
internal sealed class EarlierReleaseImport : IStoreMigration
{
    public async Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await store.ImportLegacyAsync("households", rows => Copy(Households, rows, r => Households.Deserialize(r.Text("doc"))), cancellationToken);
        await store.ImportLegacyAsync("applications", rows => Copy(Applications, rows, r => Applications.Deserialize(r.Text("doc"))), cancellationToken);
        await store.ImportLegacyAsync("support_cases", rows => Copy(SupportCases, rows, r => SupportCases.Deserialize(r.Text("doc"))), cancellationToken);
        await store.ImportLegacyAsync("payments", rows => Copy(Payments, rows, r => new Payment
        {
            Id = r.Text("id"), HouseholdId = r.Text("household_id"), CaseId = r.Text("case_id"), Programme = Enum.Parse<Programme>(r.Text("programme")),
            Month = Dates.ParseDate(r.Text("month"), "month"), AmountFen = r.Number("amount_fen"), PaidAt = r.Instant("paid_at"),
            Source = r.Text("source"),
        }), cancellationToken);
        await store.ImportLegacyAsync("payment_runs", rows => Copy(Runs, rows, r => new PaymentRun(r.Text("id"),
            Dates.ParseDate(r.Text("month"), "month"), r.Instant("ran_at"), (int)r.Number("paid_count"), (int)r.Number("already_paid_count"),
            r.Number("total_paid_fen"))), cancellationToken);
    }

    private static WriteBatch Copy<T>(DocumentCollection<T> collection, IReadOnlyList<LegacyRow> rows, Func<LegacyRow, T> map) where T : class
    {
        var batch = new WriteBatch();
        foreach (var row in rows) batch.Put(collection, map(row));
        return batch;
    }

}
