using System.Globalization;
using System.Text.Json;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;
using static CivilAffairs.Marriage.Storage.Documents.MarriageDocumentMapping;

namespace CivilAffairs.Marriage.Storage.Sqlite;

/// <summary>
/// Appointments in SQLite. A booking is one IMMEDIATE transaction: the idempotency check, the one-active-appointment
/// check per person, the conditional place count (<c>booked &lt; capacity</c>) and the inserts.
/// </summary>
internal sealed class SqliteAppointmentStore(SqliteDatabase database) : IAppointmentStore
{
    public Task<BookingOutcome> BookAsync(Appointment appointment, IdempotencyStamp? idempotency, DateOnly today, CancellationToken cancellationToken) =>
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
                    return new BookingOutcome.Replayed((await AppointmentRows.GetAsync(connection, transaction, earlier.AppointmentId))!);
                }
            }

            var (first, second) = (appointment.FirstParty.IdNumber.Value, appointment.SecondParty.IdNumber.Value);
            var holders = await connection.QueryAsync(
                """
                SELECT p.id_number, p.date, a.first_id_number, a.second_id_number FROM active_persons p
                JOIN appointments a ON a.appointment_id = p.appointment_id
                WHERE p.id_number IN ($first, $second) AND p.date >= $today
                """,
                r => (IdNumber: r.GetString(0), Date: Date(r.GetString(1)), Couple: new[] { r.GetString(2), r.GetString(3) }),
                transaction, ("$first", first), ("$second", second), ("$today", Dates.Format(today)));
            if (holders.Count > 0)
            {
                var holder = holders.OrderBy(h => h.IdNumber == first ? 0 : 1).First();
                var samePartner = holder.Couple.Contains(first) && holder.Couple.Contains(second);
                return new BookingOutcome.PartyAlreadyBooked(holder.IdNumber == first ? 1 : 2, holder.Date, samePartner);
            }

            if (!await TakePlaceAsync(connection, transaction, appointment.SlotId)) return new BookingOutcome.SlotFull();
            await AppointmentRows.InsertAsync(connection, transaction, appointment);
            await HoldPersonsAsync(connection, transaction, appointment);
            if (idempotency is not null)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO idempotency_keys (key, fingerprint, appointment_id) VALUES ($key, $fingerprint, $appointment)",
                    transaction, ("$key", idempotency.Key), ("$fingerprint", idempotency.Fingerprint), ("$appointment", appointment.AppointmentId));
            }
            return new BookingOutcome.Booked(appointment);
        }, cancellationToken);

    public Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => AppointmentRows.GetAsync(connection, null, appointmentId));

    public Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken) =>
        database.WriteAsync<CancellationOutcome>(async (connection, transaction) =>
        {
            var appointment = await AppointmentRows.GetAsync(connection, transaction, appointmentId);
            if (appointment is null) return new CancellationOutcome.NotFound();
            if (appointment.Status != AppointmentStatus.Booked) return new CancellationOutcome.NotActive(appointment);
            var cancelled = (appointment with { Status = AppointmentStatus.Cancelled, CancelledAt = at, CancelReason = reason })
                .Noting(at, "cancelled" + (reason is null ? "" : ": " + reason));
            await AppointmentRows.UpdateAsync(connection, transaction, cancelled);
            await GiveBackPlaceAsync(connection, transaction, appointment.SlotId);
            await ReleasePersonsAsync(connection, transaction, appointmentId);
            return new CancellationOutcome.Cancelled(cancelled);
        }, cancellationToken);

    public Task<RescheduleOutcome> RescheduleAsync(string appointmentId, Slot newSlot, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync<RescheduleOutcome>(async (connection, transaction) =>
        {
            var appointment = await AppointmentRows.GetAsync(connection, transaction, appointmentId);
            if (appointment is null) return new RescheduleOutcome.NotFound();
            if (appointment.Status != AppointmentStatus.Booked) return new RescheduleOutcome.NotActive(appointment);
            if (!await TakePlaceAsync(connection, transaction, newSlot.SlotId)) return new RescheduleOutcome.SlotFull();
            await GiveBackPlaceAsync(connection, transaction, appointment.SlotId);
            var moved = (appointment with { Date = newSlot.Date, SlotId = newSlot.SlotId, Start = newSlot.Start, End = newSlot.End })
                .Noting(at, $"rescheduled from {appointment.SlotId} to {newSlot.SlotId}");
            await AppointmentRows.UpdateAsync(connection, transaction, moved);
            await connection.ExecuteAsync("UPDATE active_persons SET date = $date WHERE appointment_id = $id",
                transaction, ("$date", Dates.Format(newSlot.Date)), ("$id", appointmentId));
            return new RescheduleOutcome.Moved(moved);
        }, cancellationToken);

    public Task<int> RecordNoShowsAsync(string officeId, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var day = new (string, object?)[] { ("$office", officeId), ("$date", Dates.Format(date)) };
            var missed = await connection.QueryAsync(
                $"SELECT {AppointmentRows.Columns} FROM appointments WHERE office_id = $office AND date = $date AND status = {(int)AppointmentStatus.Booked}",
                AppointmentRows.Read, transaction, day);
            foreach (var appointment in missed)
            {
                await AppointmentRows.UpdateAsync(connection, transaction,
                    (appointment with { Status = AppointmentStatus.NoShow }).Noting(at, "no-show: did not check in"));
                await ReleasePersonsAsync(connection, transaction, appointment.AppointmentId);
            }
            await connection.ExecuteAsync("UPDATE calendar_days SET closed = 1 WHERE office_id = $office AND date = $date", transaction, day);
            return missed.Count;
        }, cancellationToken);

    public Task<IReadOnlyList<Appointment>> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Appointment>>(async connection => await connection.QueryAsync(
            $"SELECT {AppointmentRows.Columns} FROM appointments WHERE office_id = $office AND date = $date ORDER BY start_time, booked_at",
            AppointmentRows.Read, null, ("$office", officeId), ("$date", Dates.Format(date))));

    private static async Task<bool> TakePlaceAsync(SqliteConnection connection, SqliteTransaction transaction, string slotId) =>
        await connection.ExecuteAsync("UPDATE slots SET booked = booked + 1 WHERE slot_id = $slot AND booked < capacity",
            transaction, ("$slot", slotId)) == 1;

    private static Task<int> GiveBackPlaceAsync(SqliteConnection connection, SqliteTransaction transaction, string slotId) =>
        connection.ExecuteAsync("UPDATE slots SET booked = booked - 1 WHERE slot_id = $slot AND booked > 0", transaction, ("$slot", slotId));

    private static async Task HoldPersonsAsync(SqliteConnection connection, SqliteTransaction transaction, Appointment appointment)
    {
        foreach (var party in appointment.Parties)
        {
            // A row left by a past appointment (its day not closed yet) no longer holds the person.
            await connection.ExecuteAsync(
                "INSERT OR REPLACE INTO active_persons (id_number, appointment_id, date) VALUES ($id, $appointment, $date)",
                transaction, ("$id", party.IdNumber.Value), ("$appointment", appointment.AppointmentId), ("$date", Dates.Format(appointment.Date)));
        }
    }

    internal static Task<int> ReleasePersonsAsync(SqliteConnection connection, SqliteTransaction transaction, string appointmentId) =>
        connection.ExecuteAsync("DELETE FROM active_persons WHERE appointment_id = $id", transaction, ("$id", appointmentId));
}

/// <summary>Reading and writing appointment rows, shared by the stores whose transactions change appointments.</summary>
internal static class AppointmentRows
{
    public const string Columns = """
        appointment_id, office_id, date, slot_id, start_time, end_time, first_name, first_id_number, first_phone,
        second_name, second_id_number, second_phone, status, booked_at, cancelled_at, cancel_reason, history
        """;

    public static Task<Appointment?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string appointmentId) =>
        connection.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM appointments WHERE appointment_id = $id", Read, transaction, ("$id", appointmentId));

    public static Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, Appointment a) =>
        connection.ExecuteAsync(
            $"""
             INSERT INTO appointments ({Columns}) VALUES ($id, $office, $date, $slot, $start, $end,
                 $first_name, $first_id, $first_phone, $second_name, $second_id, $second_phone, $status, $booked_at, NULL, NULL, $history)
             """,
            transaction,
            ("$id", a.AppointmentId), ("$office", a.OfficeId), ("$date", Dates.Format(a.Date)), ("$slot", a.SlotId),
            ("$start", Dates.Format(a.Start)), ("$end", Dates.Format(a.End)),
            ("$first_name", a.FirstParty.Name), ("$first_id", a.FirstParty.IdNumber.Value), ("$first_phone", a.FirstParty.Phone),
            ("$second_name", a.SecondParty.Name), ("$second_id", a.SecondParty.IdNumber.Value), ("$second_phone", a.SecondParty.Phone),
            ("$status", (int)a.Status), ("$booked_at", a.BookedAt.ToString("O", CultureInfo.InvariantCulture)),
            ("$history", JsonSerializer.Serialize(a.Events)));

    /// <summary>Saves what can change after booking: slot, status, cancellation, history.</summary>
    public static Task<int> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, Appointment a) =>
        connection.ExecuteAsync(
            """
            UPDATE appointments SET date = $date, slot_id = $slot, start_time = $start, end_time = $end, status = $status,
                cancelled_at = $cancelled_at, cancel_reason = $reason, history = $history
            WHERE appointment_id = $id
            """,
            transaction, ("$id", a.AppointmentId), ("$date", Dates.Format(a.Date)), ("$slot", a.SlotId),
            ("$start", Dates.Format(a.Start)), ("$end", Dates.Format(a.End)), ("$status", (int)a.Status),
            ("$cancelled_at", a.CancelledAt?.ToString("O", CultureInfo.InvariantCulture)), ("$reason", a.CancelReason),
            ("$history", JsonSerializer.Serialize(a.Events)));

    public static Appointment Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Date(r.GetString(2)), r.GetString(3), Time(r.GetString(4)), Time(r.GetString(5)),
        new Party(r.GetString(6), ResidentIdNumber.Parse(r.GetString(7), "stored id_number"), r.GetString(8)),
        new Party(r.GetString(9), ResidentIdNumber.Parse(r.GetString(10), "stored id_number"), r.GetString(11)),
        (AppointmentStatus)r.GetInt32(12),
        DateTimeOffset.Parse(r.GetString(13), CultureInfo.InvariantCulture),
        r.IsDBNull(14) ? null : DateTimeOffset.Parse(r.GetString(14), CultureInfo.InvariantCulture),
        r.GetNullableString(15),
        JsonSerializer.Deserialize<List<string>>(r.GetString(16)));
}
