using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteServiceTimeLedger(SqliteDatabase database) : IServiceTimeLedger
{
    private const string Columns = "event_id, item_id, completed_on, elapsed, promised_value, promised_unit, received_at";

    public Task<bool> AddAsync(ServiceTimeRecord r, string fingerprint, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("service_times.event_id", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO service_times ({Columns}, month, within_promise, request_fingerprint)
            VALUES (@event, @item, @on, @elapsed, @value, @unit, @at, @month, @within, @fingerprint)
            """, transaction,
            ("@event", r.EventId), ("@item", r.ItemId), ("@on", SqliteValues.Date(r.CompletedOn)), ("@elapsed", r.Elapsed),
            ("@value", r.Promised.Value), ("@unit", (int)r.Promised.Unit), ("@at", SqliteValues.Instant(r.ReceivedAt)),
            ("@month", Month.Of(r.CompletedOn).ToString()), ("@within", r.WithinPromise ? 1 : 0), ("@fingerprint", fingerprint)),
            cancellationToken);

    public async Task<Remembered<ServiceTimeRecord>?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, request_fingerprint FROM service_times WHERE event_id = @event",
            r => new Remembered<ServiceTimeRecord>(new ServiceTimeRecord(r.GetString(0), r.GetString(1), r.ReadDate(2), r.GetInt32(3),
                new TimeLimit(r.GetInt32(4), (TimeLimitUnit)r.GetInt32(5)), r.ReadInstant(6)), r.GetString(7)),
            null, ("@event", eventId)));

    public async Task<(int Cases, int WithinPromise)> MonthAsync(string itemId, Month month, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync("""
            SELECT COUNT(*), COALESCE(SUM(within_promise), 0) FROM service_times WHERE item_id = @item AND month = @month
            """, r => (r.GetInt32(0), r.GetInt32(1)), null, ("@item", itemId), ("@month", month.ToString()))));
}
