using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;
using static CivilAffairs.Marriage.Storage.Documents.MarriageDocumentMapping;

namespace CivilAffairs.Marriage.Storage.Sqlite;

internal sealed class SqliteCalendarStore(SqliteDatabase database) : IMarriageCalendarStore
{
    private const string SlotColumns = "slot_id, office_id, date, start_time, end_time, capacity, booked";

    public Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO calendar_days (office_id, date, appointment_only, windows) VALUES ($office, $date, $only, $windows)",
                transaction, ("$office", day.OfficeId), ("$date", Dates.Format(day.Date)), ("$only", day.AppointmentOnly ? 1 : 0), ("$windows", day.Windows));
            if (inserted == 0) return false;
            await InsertSlotsAsync(connection, transaction, day.Slots);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => DaysAsync(connection, null, officeId, from, to));

    public async Task<CalendarDay?> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await GetDaysAsync(officeId, date, date, cancellationToken)).SingleOrDefault();

    public Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {SlotColumns} FROM slots WHERE slot_id = $id", ReadSlot, null, ("$id", slotId)));

    public Task<CalendarDay?> AdjustDayAsync(string officeId, DateOnly date, IReadOnlyList<CapacityIncrease> increases,
        IReadOnlyList<Slot> extraSlots, int? windows, bool? appointmentOnly, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var day = ("$office", (object?)officeId);
            var on = ("$date", (object?)Dates.Format(date));
            var exists = await connection.QuerySingleOrDefaultAsync(
                "SELECT 1 FROM calendar_days WHERE office_id = $office AND date = $date", r => true, transaction, day, on);
            if (!exists) return null;
            foreach (var increase in increases)
            {
                await connection.ExecuteAsync("UPDATE slots SET capacity = capacity + $more WHERE slot_id = $id AND office_id = $office",
                    transaction, ("$more", increase.Additional), ("$id", increase.SlotId), day);
            }
            await InsertSlotsAsync(connection, transaction, extraSlots);
            if (windows is { } w) await connection.ExecuteAsync(
                "UPDATE calendar_days SET windows = $w WHERE office_id = $office AND date = $date", transaction, ("$w", w), day, on);
            if (appointmentOnly is { } only) await connection.ExecuteAsync(
                "UPDATE calendar_days SET appointment_only = $only WHERE office_id = $office AND date = $date", transaction, ("$only", only ? 1 : 0), day, on);
            return (await DaysAsync(connection, transaction, officeId, date, date)).Single();
        }, cancellationToken);

    public Task<IReadOnlyList<(string OfficeId, DateOnly Date)>> GetUnclosedDaysBeforeAsync(DateOnly date, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(string, DateOnly)>>(async connection => await connection.QueryAsync(
            "SELECT office_id, date FROM calendar_days WHERE closed = 0 AND date < $date ORDER BY date",
            r => (r.GetString(0), Date(r.GetString(1))), null, ("$date", Dates.Format(date))));

    private static async Task<IReadOnlyList<CalendarDay>> DaysAsync(SqliteConnection connection, SqliteTransaction? transaction,
        string officeId, DateOnly from, DateOnly to)
    {
        var range = new (string, object?)[] { ("$office", officeId), ("$from", Dates.Format(from)), ("$to", Dates.Format(to)) };
        var days = await connection.QueryAsync(
            "SELECT date, appointment_only, windows, closed FROM calendar_days WHERE office_id = $office AND date BETWEEN $from AND $to ORDER BY date",
            r => (Date: Date(r.GetString(0)), Only: r.GetInt64(1) == 1, Windows: r.GetInt32(2), Closed: r.GetInt64(3) == 1), transaction, range);
        if (days.Count == 0) return [];
        var slots = await connection.QueryAsync(
            $"SELECT {SlotColumns} FROM slots WHERE office_id = $office AND date BETWEEN $from AND $to ORDER BY date, start_time",
            ReadSlot, transaction, range);
        var byDate = slots.ToLookup(s => s.Date);
        return days.Select(d => new CalendarDay(officeId, d.Date, d.Only, byDate[d.Date].ToList(), d.Windows, d.Closed)).ToList();
    }

    private static async Task InsertSlotsAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<Slot> slots)
    {
        foreach (var slot in slots)
        {
            await connection.ExecuteAsync(
                $"INSERT INTO slots ({SlotColumns}) VALUES ($id, $office, $date, $start, $end, $capacity, 0)",
                transaction, ("$id", slot.SlotId), ("$office", slot.OfficeId), ("$date", Dates.Format(slot.Date)),
                ("$start", Dates.Format(slot.Start)), ("$end", Dates.Format(slot.End)), ("$capacity", slot.Capacity));
        }
    }

    private static Slot ReadSlot(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Date(r.GetString(2)), Time(r.GetString(3)), Time(r.GetString(4)), r.GetInt32(5), r.GetInt32(6));
}
