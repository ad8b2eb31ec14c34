using System.Globalization;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Marriage.Storage.Sqlite;

internal sealed class SqliteHallStore(SqliteDatabase database) : IHallStore
{
    public Task<QueueTicket> CheckInAsync(QueueTicket ticket, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (ticket.AppointmentId is { } appointmentId)
            {
                var existing = await connection.QuerySingleOrDefaultAsync(
                    "SELECT doc FROM tickets WHERE appointment_id = $id", r => r.GetString(0), transaction, ("$id", appointmentId));
                if (existing is not null) return MarriageDocumentMapping.FromJson<TicketDocument>(existing).ToDomain();
                var appointment = await AppointmentRows.GetAsync(connection, transaction, appointmentId);
                await AppointmentRows.UpdateAsync(connection, transaction,
                    (appointment! with { Status = AppointmentStatus.CheckedIn }).Noting(ticket.CheckedInAt, "checked in"));
            }
            var sequence = await Counters.NextAsync(connection, transaction,
                $"ticket-{ticket.OfficeId}-{Dates.Format(ticket.Date)}-{ticket.NumberPrefix}");
            var numbered = ticket with { Number = Numbering.Ticket(ticket.NumberPrefix, (int)sequence) };
            await InsertAsync(connection, transaction, numbered);
            return numbered;
        }, cancellationToken);

    public Task<QueueTicket?> GetTicketAsync(string ticketId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadOneAsync(connection, null, "ticket_id = $id", ("$id", ticketId)));

    public Task<QueueTicket?> GetCalledAsync(string officeId, DateOnly date, int window, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadOneAsync(connection, null,
            $"office_id = $office AND date = $date AND status = {(int)TicketStatus.Called} AND window_number = $window",
            ("$office", officeId), ("$date", Dates.Format(date)), ("$window", window)));

    public Task<QueueTicket?> CallNextAsync(string officeId, DateOnly date, int window, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var next = await ReadOneAsync(connection, transaction,
                $"office_id = $office AND date = $date AND status = {(int)TicketStatus.Waiting} ORDER BY rank, queued_at, number LIMIT 1",
                ("$office", officeId), ("$date", Dates.Format(date)));
            if (next is null) return null;
            var called = next with { Status = TicketStatus.Called, WindowNumber = window, CalledAt = at, Version = next.Version + 1 };
            await UpdateAsync(connection, transaction, called, next.Version);
            return called;
        }, cancellationToken);

    public Task<bool> UpdateTicketAsync(QueueTicket ticket, int expectedVersion, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => UpdateAsync(connection, transaction, ticket, expectedVersion), cancellationToken);

    public Task<IReadOnlyList<QueueTicket>> GetTicketsAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<QueueTicket>>(async connection => await connection.QueryAsync(
            "SELECT doc FROM tickets WHERE office_id = $office AND date = $date ORDER BY queued_at",
            r => MarriageDocumentMapping.FromJson<TicketDocument>(r.GetString(0)).ToDomain(), null,
            ("$office", officeId), ("$date", Dates.Format(date))));

    internal static async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, QueueTicket ticket, int expectedVersion) =>
        await connection.ExecuteAsync(
            """
            UPDATE tickets SET status = $status, rank = $rank, queued_at = $queued, window_number = $window, version = $version, doc = $doc
            WHERE ticket_id = $id AND version = $expected
            """,
            transaction, ("$status", (int)ticket.Status), ("$rank", ticket.Rank), ("$queued", Instant(ticket.QueuedAt)),
            ("$window", ticket.WindowNumber), ("$version", ticket.Version), ("$doc", MarriageDocumentMapping.ToJson(ticket.ToDocument())),
            ("$id", ticket.TicketId), ("$expected", expectedVersion)) == 1;

    private static Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, QueueTicket ticket) =>
        connection.ExecuteAsync(
            """
            INSERT INTO tickets (ticket_id, office_id, date, status, rank, queued_at, number, window_number, appointment_id, version, doc)
            VALUES ($id, $office, $date, $status, $rank, $queued, $number, $window, $appointment, $version, $doc)
            """,
            transaction, ("$id", ticket.TicketId), ("$office", ticket.OfficeId), ("$date", Dates.Format(ticket.Date)),
            ("$status", (int)ticket.Status), ("$rank", ticket.Rank), ("$queued", Instant(ticket.QueuedAt)), ("$number", ticket.Number),
            ("$window", ticket.WindowNumber), ("$appointment", ticket.AppointmentId), ("$version", ticket.Version),
            ("$doc", MarriageDocumentMapping.ToJson(ticket.ToDocument())));

    private static Task<QueueTicket?> ReadOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string where,
        params (string, object?)[] parameters) =>
        connection.QuerySingleOrDefaultAsync($"SELECT doc FROM tickets WHERE {where}",
            r => MarriageDocumentMapping.FromJson<TicketDocument>(r.GetString(0)).ToDomain(), transaction, parameters);

    /// <summary>Sortable UTC text, so queue order is the order of the strings.</summary>
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}

/// <summary>Named sequences (ticket numbers, certificate numbers) advanced inside the caller's transaction.</summary>
internal static class Counters
{
    public static async Task<long> NextAsync(SqliteConnection connection, SqliteTransaction transaction, string series)
    {
        await connection.ExecuteAsync(
            "INSERT INTO counters (series, value) VALUES ($series, 1) ON CONFLICT (series) DO UPDATE SET value = value + 1",
            transaction, ("$series", series));
        return (await connection.QuerySingleOrDefaultAsync("SELECT value FROM counters WHERE series = $series",
            r => r.GetInt64(0), transaction, ("$series", series)));
    }
}
