using CivilAffairs.Marriage.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;
using static CivilAffairs.Marriage.Storage.Documents.MarriageDocumentMapping;

namespace CivilAffairs.Marriage.Storage.Mongo;

internal sealed class MongoCalendarStore(MongoMarriageCollections db) : IMarriageCalendarStore
{
    public async Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(async (s, ct) =>
            {
                await db.Days.InsertOneAsync(s, new CalendarDayDocument
                {
                    Id = DayId(day.OfficeId, day.Date), OfficeId = day.OfficeId, Date = Dates.Format(day.Date),
                    AppointmentOnly = day.AppointmentOnly, Windows = day.Windows,
                }, cancellationToken: ct);
                await db.Slots.InsertManyAsync(s, day.Slots.Select(ToDocument), cancellationToken: ct);
                return true;
            }, cancellationToken);
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (f, t) = (Dates.Format(from), Dates.Format(to));
        var days = await db.Days.Find(MarriageQueries.DaysOfOffice(officeId, f, t)).SortBy(d => d.Date).ToListAsync(cancellationToken);
        if (days.Count == 0) return [];
        var slots = await db.Slots.Find(MarriageQueries.SlotsOfOffice(officeId, f, t)).SortBy(s => s.Date).ThenBy(s => s.Start).ToListAsync(cancellationToken);
        var byDate = slots.Select(ToDomain).ToLookup(s => s.Date);
        return days.Select(d => new CalendarDay(officeId, Date(d.Date), d.AppointmentOnly, byDate[Date(d.Date)].ToList(), d.Windows, d.Closed)).ToList();
    }

    public async Task<CalendarDay?> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await GetDaysAsync(officeId, date, date, cancellationToken)).SingleOrDefault();

    public async Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken)
    {
        var slot = await db.Slots.Find(s => s.Id == slotId).FirstOrDefaultAsync(cancellationToken);
        return slot is null ? null : ToDomain(slot);
    }

    public async Task<CalendarDay?> AdjustDayAsync(string officeId, DateOnly date, IReadOnlyList<CapacityIncrease> increases,
        IReadOnlyList<Slot> extraSlots, int? windows, bool? appointmentOnly, CancellationToken cancellationToken)
    {
        var found = await db.InTransactionAsync(async (s, ct) =>
        {
            var id = DayId(officeId, date);
            if (!await db.Days.Find(s, d => d.Id == id).AnyAsync(ct)) return false;
            foreach (var increase in increases)
            {
                await db.Slots.UpdateOneAsync(s, x => x.Id == increase.SlotId && x.OfficeId == officeId,
                    Builders<SlotDocument>.Update.Inc(x => x.Capacity, increase.Additional), cancellationToken: ct);
            }
            if (extraSlots.Count > 0) await db.Slots.InsertManyAsync(s, extraSlots.Select(ToDocument), cancellationToken: ct);
            var update = new List<UpdateDefinition<CalendarDayDocument>>();
            if (windows is { } w) update.Add(Builders<CalendarDayDocument>.Update.Set(d => d.Windows, w));
            if (appointmentOnly is { } only) update.Add(Builders<CalendarDayDocument>.Update.Set(d => d.AppointmentOnly, only));
            if (update.Count > 0) await db.Days.UpdateOneAsync(s, d => d.Id == id, Builders<CalendarDayDocument>.Update.Combine(update), cancellationToken: ct);
            return true;
        }, cancellationToken);
        return found ? await GetDayAsync(officeId, date, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<(string OfficeId, DateOnly Date)>> GetUnclosedDaysBeforeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var before = Dates.Format(date);
        var filter = Builders<CalendarDayDocument>.Filter.Eq(d => d.Closed, false) & Builders<CalendarDayDocument>.Filter.Lt(d => d.Date, before);
        var days = await db.Days.Find(filter).SortBy(d => d.Date).ToListAsync(cancellationToken);
        return days.Select(d => (d.OfficeId, Date(d.Date))).ToList();
    }

    internal static string DayId(string officeId, DateOnly date) => $"{officeId}|{Dates.Format(date)}";

    private static SlotDocument ToDocument(Slot slot) => new()
    {
        Id = slot.SlotId, OfficeId = slot.OfficeId, Date = Dates.Format(slot.Date),
        Start = Dates.Format(slot.Start), End = Dates.Format(slot.End), Capacity = slot.Capacity, Booked = slot.Booked,
    };

    private static Slot ToDomain(SlotDocument s) => new(s.Id, s.OfficeId, Date(s.Date), Time(s.Start), Time(s.End), s.Capacity, s.Booked);
}
