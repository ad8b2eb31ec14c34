using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class ServiceTimeLedger(IDocumentStore store) : IServiceTimeLedger
{
    public Task<bool> AddAsync(ServiceTimeRecord record, CancellationToken cancellationToken = default) =>
        store.InsertOnceAsync(ServiceTimes, record, cancellationToken);

    public Task<ServiceTimeRecord?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(ServiceTimes, eventId, cancellationToken);

    /// <summary>Counted by the store per "within the promise" (1) or not (0), without reading the records.</summary>
    public async Task<(int Cases, int WithinPromise)> MonthAsync(string itemId, Month month, CancellationToken cancellationToken = default)
    {
        var groups = await store.GroupAsync(ServiceTimes, DocumentQuery.Where("item", itemId).And("month", month.ToString()), ["within"],
            cancellationToken: cancellationToken);
        return ((int)groups.Sum(g => g.Count), (int)groups.Where(g => Convert.ToInt64(g.Key[0]) == 1).Sum(g => g.Count));
    }
}
