using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteCaseLedger(SqliteDatabase database) : ICaseLedger
{
    private const string Columns = "event_id, staff_id, window_type, month, count, source, received_at";

    public Task<bool> AddAsync(CaseReport report, string fingerprint, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("case_reports.event_id", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO case_reports ({Columns}, request_fingerprint)
            VALUES (@event, @staff, @window, @month, @count, @source, @at, @fingerprint)
            """, transaction,
            ("@event", report.EventId), ("@staff", report.StaffId), ("@window", (int)report.Window), ("@month", report.Month.ToString()),
            ("@count", report.Count), ("@source", report.Source), ("@at", SqliteValues.Instant(report.ReceivedAt)), ("@fingerprint", fingerprint)),
            cancellationToken);

    public async Task<Remembered<CaseReport>?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, request_fingerprint FROM case_reports WHERE event_id = @event",
            r => new Remembered<CaseReport>(Read(r), r.GetString(7)), null, ("@event", eventId)));

    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(IReadOnlyCollection<string> staffIds, Month month,
        CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return new Dictionary<string, int>();
        var rows = await database.ReadAsync(connection => connection.QueryAsync("""
            SELECT staff_id, SUM(count) FROM case_reports
            WHERE month = @month AND staff_id IN (SELECT value FROM json_each(@ids))
            GROUP BY staff_id
            """, r => (Staff: r.GetString(0), Total: r.GetInt32(1)), null, ("@month", month.ToString()), ("@ids", SqliteValues.List(staffIds))));
        return rows.ToDictionary(r => r.Staff, r => r.Total);
    }

    private static CaseReport Read(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), (Window)r.GetInt32(2),
        Month.Parse(r.GetString(3), "month"), r.GetInt32(4), r.GetString(5), r.ReadInstant(6));
}
