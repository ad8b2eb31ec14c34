using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class InspectionLog(IDocumentStore store) : IInspectionLog
{
    public Task AddAsync(Inspection inspection, CancellationToken cancellationToken = default) =>
        store.InsertAsync(Inspections, inspection, cancellationToken);

    public async Task<IReadOnlyList<Inspection>> ListAsync(IReadOnlyCollection<string> staffIds, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await store.DocumentsAsync(Inspections, DocumentQuery.All.AndIn("staff", staffIds)
            .AndBetween("observedOn", from, to).OrderByDescending("observedOn").OrderByDescending("recordedAt"), cancellationToken);
}
