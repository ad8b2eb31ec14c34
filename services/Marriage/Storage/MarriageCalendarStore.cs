using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>A day is a document, each of its slots another (their place counts change in place).</summary>
internal sealed class MarriageCalendarStore(IDocumentStore store) : IMarriageCalendarStore
{
    public async Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken)
    {
        var batch = new WriteBatch().Insert(Days, new OpenedDay(day.OfficeId, day.Date, day.AppointmentOnly, day.Windows, false));
        foreach (var slot in day.Slots) batch.Insert(Slots, slot);
        return await store.CommitAsync(batch, cancellationToken) is null;
    }

    public async Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var range = DocumentQuery.Where("office", officeId).AndBetween("date", from, to).OrderBy("date");
        var days = await store.FindAsync(Days, range, cancellationToken);
        if (days.Count == 0) return [];
        var slots = (await store.FindAsync(Slots, range.OrderBy("start"), cancellationToken)).Select(s => s.Document).ToLookup(s => s.Date);
        return days.Select(d => d.Document)
            .Select(d => new CalendarDay(d.OfficeId, d.Date, d.AppointmentOnly, slots[d.Date].ToList(), d.Windows, d.Closed)).ToList();
    }

    public async Task<CalendarDay?> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await GetDaysAsync(officeId, date, date, cancellationToken)).SingleOrDefault();

    public async Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken) =>
        (await store.GetAsync(Slots, slotId, cancellationToken))?.Document;

    public async Task<CalendarDay?> AdjustDayAsync(string officeId, DateOnly date, IReadOnlyList<CapacityIncrease> increases,
        IReadOnlyList<Slot> extraSlots, int? windows, bool? appointmentOnly, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(Days, OpenedDay.IdOf(officeId, date), cancellationToken) is not { } day) return null;
            var changed = day.Document with { Windows = windows ?? day.Document.Windows, AppointmentOnly = appointmentOnly ?? day.Document.AppointmentOnly };
            var batch = new WriteBatch().Replace(Days, changed, day.Version);
            foreach (var increase in increases) batch.Increment(Slots, increase.SlotId, "capacity", increase.Additional);
            foreach (var slot in extraSlots) batch.Insert(Slots, slot);
            var conflict = await store.CommitAsync(batch, cancellationToken);
            if (conflict is null) return await GetDayAsync(officeId, date, cancellationToken);
            if (conflict is not WriteConflict.Stale || attempt == Retries.Attempts) throw Retries.Unexpected(conflict);
        }
    }

    public async Task<IReadOnlyList<(string OfficeId, DateOnly Date)>> GetUnclosedDaysBeforeAsync(DateOnly date, CancellationToken cancellationToken) =>
        (await store.FindAsync(Days, DocumentQuery.Where("closed", false).AndBefore("date", date).OrderBy("date"), cancellationToken))
        .Select(d => (d.Document.OfficeId, d.Document.Date)).ToList();
}
