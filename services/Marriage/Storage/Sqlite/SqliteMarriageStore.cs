using System.Globalization;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Marriage.Storage.Sqlite;

/// <summary>
/// Calendars and appointments in the embedded SQLite file. A booking is one IMMEDIATE transaction: the idempotency
/// check, the per-person-per-day check, the conditional place count (<c>booked &lt; capacity</c>) and the inserts.
/// </summary>
internal sealed class SqliteMarriageStore(SqliteDatabase database) : IMarriageCalendarStore, IAppointmentStore, IStoreInitializer
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS calendar_days (
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            appointment_only INTEGER NOT NULL,
            PRIMARY KEY (office_id, date));
        CREATE TABLE IF NOT EXISTS slots (
            slot_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            capacity INTEGER NOT NULL,
            booked INTEGER NOT NULL DEFAULT 0,
            CHECK (booked >= 0 AND booked <= capacity));
        CREATE INDEX IF NOT EXISTS ix_slots_office_date ON slots (office_id, date, start_time);
        CREATE TABLE IF NOT EXISTS appointments (
            appointment_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            slot_id TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            first_name TEXT NOT NULL,
            first_id_number TEXT NOT NULL,
            first_phone TEXT NOT NULL,
            second_name TEXT NOT NULL,
            second_id_number TEXT NOT NULL,
            second_phone TEXT NOT NULL,
            status INTEGER NOT NULL,
            booked_at TEXT NOT NULL,
            cancelled_at TEXT,
            cancel_reason TEXT);
        CREATE INDEX IF NOT EXISTS ix_appointments_slot ON appointments (slot_id);
        CREATE TABLE IF NOT EXISTS active_person_days (
            id_number TEXT NOT NULL,
            date TEXT NOT NULL,
            appointment_id TEXT NOT NULL,
            PRIMARY KEY (id_number, date));
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            appointment_id TEXT NOT NULL);
        """;

    private const string AppointmentColumns = """
        appointment_id, office_id, date, slot_id, start_time, end_time, first_name, first_id_number, first_phone,
        second_name, second_id_number, second_phone, status, booked_at, cancelled_at, cancel_reason
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Schema);

    public Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO calendar_days (office_id, date, appointment_only) VALUES ($office, $date, $only)",
                transaction, ("$office", day.OfficeId), ("$date", Dates.Format(day.Date)), ("$only", day.AppointmentOnly ? 1 : 0));
            if (inserted == 0) return false;
            foreach (var slot in day.Slots)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO slots (slot_id, office_id, date, start_time, end_time, capacity, booked)
                    VALUES ($id, $office, $date, $start, $end, $capacity, 0)
                    """,
                    transaction, ("$id", slot.SlotId), ("$office", slot.OfficeId), ("$date", Dates.Format(slot.Date)),
                    ("$start", Dates.Format(slot.Start)), ("$end", Dates.Format(slot.End)), ("$capacity", slot.Capacity));
            }
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CalendarDay>>(async connection =>
        {
            var range = new (string, object?)[] { ("$office", officeId), ("$from", Dates.Format(from)), ("$to", Dates.Format(to)) };
            var days = await connection.QueryAsync(
                "SELECT date, appointment_only FROM calendar_days WHERE office_id = $office AND date BETWEEN $from AND $to ORDER BY date",
                r => (Date: ParseDate(r.GetString(0)), Only: r.GetInt64(1) == 1), null, range);
            var slots = await connection.QueryAsync(
                """
                SELECT slot_id, office_id, date, start_time, end_time, capacity, booked FROM slots
                WHERE office_id = $office AND date BETWEEN $from AND $to ORDER BY date, start_time
                """,
                ReadSlot, null, range);
            var byDate = slots.ToLookup(s => s.Date);
            return days.Select(d => new CalendarDay(officeId, d.Date, d.Only, byDate[d.Date].ToList())).ToList();
        });

    public Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT slot_id, office_id, date, start_time, end_time, capacity, booked FROM slots WHERE slot_id = $id",
            ReadSlot, null, ("$id", slotId)));

    public Task<BookingOutcome> BookAsync(Appointment appointment, IdempotencyStamp? idempotency, CancellationToken cancellationToken) =>
        database.WriteAsync<BookingOutcome>(async (connection, transaction) =>
        {
            if (idempotency is not null)
            {
                var earlier = await connection.QuerySingleOrDefaultAsync(
                    "SELECT fingerprint, appointment_id FROM idempotency_keys WHERE key = $key",
                    r => (Fingerprint: r.GetString(0), AppointmentId: r.GetString(1)), transaction, ("$key", idempotency.Key));
                if (earlier.AppointmentId is not null)
                {
                    if (earlier.Fingerprint != idempotency.Fingerprint) return new BookingOutcome.KeyReusedForAnotherRequest();
                    var first = await GetAsync(connection, transaction, earlier.AppointmentId);
                    return new BookingOutcome.Replayed(first!);
                }
            }

            var date = Dates.Format(appointment.Date);
            var holders = await connection.QueryAsync(
                "SELECT id_number FROM active_person_days WHERE date = $date AND id_number IN ($first, $second)",
                r => r.GetString(0), transaction,
                ("$date", date), ("$first", appointment.FirstParty.IdNumber.Value), ("$second", appointment.SecondParty.IdNumber.Value));
            if (holders.Count > 0)
                return new BookingOutcome.PartyAlreadyBooked(holders.Contains(appointment.FirstParty.IdNumber.Value) ? 1 : 2);

            var taken = await connection.ExecuteAsync(
                "UPDATE slots SET booked = booked + 1 WHERE slot_id = $slot AND booked < capacity",
                transaction, ("$slot", appointment.SlotId));
            if (taken == 0) return new BookingOutcome.SlotFull();

            await InsertAsync(connection, transaction, appointment);
            foreach (var party in appointment.Parties)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO active_person_days (id_number, date, appointment_id) VALUES ($id, $date, $appointment)",
                    transaction, ("$id", party.IdNumber.Value), ("$date", date), ("$appointment", appointment.AppointmentId));
            }
            if (idempotency is not null)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO idempotency_keys (key, fingerprint, appointment_id) VALUES ($key, $fingerprint, $appointment)",
                    transaction, ("$key", idempotency.Key), ("$fingerprint", idempotency.Fingerprint), ("$appointment", appointment.AppointmentId));
            }
            return new BookingOutcome.Booked(appointment);
        }, cancellationToken);

    public Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => GetAsync(connection, null, appointmentId));

    public Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken) =>
        database.WriteAsync<CancellationOutcome>(async (connection, transaction) =>
        {
            var appointment = await GetAsync(connection, transaction, appointmentId);
            if (appointment is null) return new CancellationOutcome.NotFound();
            if (!appointment.IsActive) return new CancellationOutcome.AlreadyCancelled(appointment);
            await connection.ExecuteAsync(
                "UPDATE appointments SET status = $status, cancelled_at = $at, cancel_reason = $reason WHERE appointment_id = $id",
                transaction, ("$status", (int)AppointmentStatus.Cancelled), ("$at", at.ToString("O", CultureInfo.InvariantCulture)),
                ("$reason", reason), ("$id", appointmentId));
            await connection.ExecuteAsync(
                "UPDATE slots SET booked = booked - 1 WHERE slot_id = $slot AND booked > 0", transaction, ("$slot", appointment.SlotId));
            await connection.ExecuteAsync(
                "DELETE FROM active_person_days WHERE appointment_id = $id", transaction, ("$id", appointmentId));
            return new CancellationOutcome.Cancelled(appointment with
            {
                Status = AppointmentStatus.Cancelled, CancelledAt = at, CancelReason = reason,
            });
        }, cancellationToken);

    private static Task<Appointment?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string appointmentId) =>
        connection.QuerySingleOrDefaultAsync(
            $"SELECT {AppointmentColumns} FROM appointments WHERE appointment_id = $id", ReadAppointment, transaction, ("$id", appointmentId));

    private static Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, Appointment a) =>
        connection.ExecuteAsync(
            $"""
             INSERT INTO appointments ({AppointmentColumns}) VALUES ($id, $office, $date, $slot, $start, $end,
                 $first_name, $first_id, $first_phone, $second_name, $second_id, $second_phone, $status, $booked_at, NULL, NULL)
             """,
            transaction,
            ("$id", a.AppointmentId), ("$office", a.OfficeId), ("$date", Dates.Format(a.Date)), ("$slot", a.SlotId),
            ("$start", Dates.Format(a.Start)), ("$end", Dates.Format(a.End)),
            ("$first_name", a.FirstParty.Name), ("$first_id", a.FirstParty.IdNumber.Value), ("$first_phone", a.FirstParty.Phone),
            ("$second_name", a.SecondParty.Name), ("$second_id", a.SecondParty.IdNumber.Value), ("$second_phone", a.SecondParty.Phone),
            ("$status", (int)a.Status), ("$booked_at", a.BookedAt.ToString("O", CultureInfo.InvariantCulture)));

    private static Slot ReadSlot(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseDate(r.GetString(2)), ParseTime(r.GetString(3)), ParseTime(r.GetString(4)),
        r.GetInt32(5), r.GetInt32(6));

    private static Appointment ReadAppointment(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseDate(r.GetString(2)), r.GetString(3), ParseTime(r.GetString(4)), ParseTime(r.GetString(5)),
        new Party(r.GetString(6), ResidentIdNumber.Parse(r.GetString(7), "first_id_number"), r.GetString(8)),
        new Party(r.GetString(9), ResidentIdNumber.Parse(r.GetString(10), "second_id_number"), r.GetString(11)),
        (AppointmentStatus)r.GetInt32(12),
        DateTimeOffset.Parse(r.GetString(13), CultureInfo.InvariantCulture),
        r.IsDBNull(14) ? null : DateTimeOffset.Parse(r.GetString(14), CultureInfo.InvariantCulture),
        r.GetNullableString(15));

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, Dates.DateFormat, CultureInfo.InvariantCulture);
    private static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, Dates.TimeFormat, CultureInfo.InvariantCulture);
}
