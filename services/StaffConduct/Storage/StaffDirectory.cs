using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>Each write is one batch: the record and its history entry together, the badge held by one record.</summary>
internal sealed class StaffDirectory(IDocumentStore store) : IStaffDirectory
{
    public Task<StaffWrite> AddAsync(StaffMember member, CancellationToken cancellationToken = default) =>
        WriteAsync(new WriteBatch().Insert(Staff, member).Insert(StaffHistory, StaffChange.Registration(member)), cancellationToken);

    public Task<StaffWrite> UpdateAsync(StaffMember updated, StaffChange change, CancellationToken cancellationToken = default) =>
        WriteAsync(new WriteBatch().Replace(Staff, updated, updated.Version - 1).Insert(StaffHistory, change), cancellationToken);

    public Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(Staff, staffId, cancellationToken);

    public async Task<IReadOnlyList<StaffMember>> ListByIdsAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default) =>
        (await store.GetManyAsync(Staff, staffIds, cancellationToken)).Select(s => s.Document)
            .OrderBy(m => m.Profile.BadgeNumber, StringComparer.Ordinal).ToList();

    public Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.Where("window", window);
        if (officeId is not null) query = query.And("office", officeId);
        return store.DocumentsAsync(Staff, query.OrderBy("badge"), cancellationToken);
    }

    public Task<IReadOnlyList<StaffChange>> ListHistoryAsync(string staffId, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(StaffHistory, DocumentQuery.Where("staff", staffId).OrderBy("version"), cancellationToken);

    private async Task<StaffWrite> WriteAsync(WriteBatch batch, CancellationToken cancellationToken) =>
        await store.CommitAsync(batch, cancellationToken) switch
        {
            null => StaffWrite.Written,
            WriteConflict.DuplicateKey { Rule: BadgeNumberRule } => StaffWrite.BadgeNumberTaken,
            WriteConflict.Stale => StaffWrite.VersionConflict,
            var conflict => throw StoreExtensions.Refused(conflict),
        };
}
