using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>Records are kept per member and day (<see cref="DutyDay"/>), appended in the order they come.</summary>
internal sealed class DutyLog(IDocumentStore store) : IDutyLog
{
    public async Task AddAsync(DutyRecord record, CancellationToken cancellationToken = default)
    {
        var id = DutyDay.IdOf(record.StaffId, record.Date);
        // A later record of the day is appended; the day's first inserts the document (and, losing that race, appends).
        while (!await store.ChangeAsync(DutyDays, id, day => day with { Records = [.. day.Records, record] }, cancellationToken))
        {
            var conflict = await store.CommitAsync(new WriteBatch().Insert(DutyDays, new DutyDay(id, [record])), cancellationToken);
            if (conflict is null) return;
            if (conflict is not WriteConflict.DuplicateKey) throw StoreExtensions.Refused(conflict);
        }
    }

    public async Task<IReadOnlyList<DutyRecord>> ListForDayAsync(IReadOnlyCollection<string> staffIds, DateOnly date,
        CancellationToken cancellationToken = default) =>
        (await store.GetManyAsync(DutyDays, staffIds.Select(s => DutyDay.IdOf(s, date)).ToList(), cancellationToken))
            .Select(d => d.Document.Records[^1]).ToList();
}
