using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class CaseLedger(IDocumentStore store) : ICaseLedger
{
    public Task<bool> AddAsync(CaseReport report, CancellationToken cancellationToken = default) =>
        store.InsertOnceAsync(CaseReports, report, cancellationToken);

    public Task<CaseReport?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(CaseReports, eventId, cancellationToken);

    /// <summary>Summed by the store over the month's index, without reading the reports.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(IReadOnlyCollection<string> staffIds, Month month,
        CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return new Dictionary<string, int>();
        var groups = await store.GroupAsync(CaseReports, DocumentQuery.Where("month", month.ToString()).AndIn("staff", staffIds), ["staff"],
            sum: "count", cancellationToken: cancellationToken);
        return groups.ToDictionary(g => (string)g.Key[0]!, g => (int)g.Sum);
    }
}
