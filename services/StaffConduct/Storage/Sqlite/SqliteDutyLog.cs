using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteDutyLog(SqliteDatabase database) : IDutyLog
{
    private const string Columns = "staff_id, date, status, note, recorded_at, window_type";

    public Task<bool> AddAsync(DutyRecord record, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("duty_log.idempotency_key", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO duty_log ({Columns}, idempotency_key, request_fingerprint)
            VALUES (@staff, @date, @status, @note, @at, @window, @key, @fingerprint)
            """, transaction,
            ("@staff", record.StaffId), ("@date", SqliteValues.Date(record.Date)), ("@status", (int)record.Status),
            ("@note", record.Note), ("@at", SqliteValues.Instant(record.RecordedAt)), ("@window", (int)record.Window),
            ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint)), cancellationToken);

    public async Task<Remembered<DutyRecord>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, request_fingerprint FROM duty_log WHERE idempotency_key = @key",
            r => new Remembered<DutyRecord>(Read(r), r.GetString(6)), null, ("@key", key)));

    public async Task<IReadOnlyList<DutyRecord>> ListForDayAsync(IReadOnlyCollection<string> staffIds, DateOnly date, CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM duty_log d
            WHERE d.date = @date AND d.staff_id IN (SELECT value FROM json_each(@ids))
              AND d.seq = (SELECT MAX(x.seq) FROM duty_log x WHERE x.staff_id = d.staff_id AND x.date = d.date)
            """, Read, null, ("@date", SqliteValues.Date(date)), ("@ids", SqliteValues.List(staffIds))));

    private static DutyRecord Read(SqliteDataReader r) =>
        new(r.GetString(0), r.ReadDate(1), (DutyStatus)r.GetInt32(2), r.GetString(3), r.ReadInstant(4), (Window)r.GetInt32(5));
}
