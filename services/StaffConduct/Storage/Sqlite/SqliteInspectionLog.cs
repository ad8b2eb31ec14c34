using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteInspectionLog(SqliteDatabase database) : IInspectionLog
{
    private const string Columns =
        "id, staff_id, window_type, rule_id, part, rule_text, kind, inspector, evidence, observed_on, recorded_at";

    public Task<bool> AddAsync(Inspection i, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("inspections.idempotency_key", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO inspections ({Columns}, idempotency_key, request_fingerprint)
            VALUES (@id, @staff, @window, @rule, @part, @text, @kind, @inspector, @evidence, @on, @at, @key, @fingerprint)
            """, transaction,
            ("@id", i.Id), ("@staff", i.StaffId), ("@window", (int)i.Window), ("@rule", i.RuleId), ("@part", (int)i.Part),
            ("@text", i.RuleText), ("@kind", (int)i.Kind), ("@inspector", i.Inspector), ("@evidence", i.Evidence),
            ("@on", SqliteValues.Date(i.ObservedOn)), ("@at", SqliteValues.Instant(i.RecordedAt)),
            ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint)), cancellationToken);

    public async Task<Remembered<Inspection>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, request_fingerprint FROM inspections WHERE idempotency_key = @key",
            r => new Remembered<Inspection>(Read(r), r.GetString(11)), null, ("@key", key)));

    public async Task<IReadOnlyList<Inspection>> ListAsync(IReadOnlyCollection<string> staffIds, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM inspections
            WHERE staff_id IN (SELECT value FROM json_each(@ids))
              AND (@from IS NULL OR observed_on >= @from) AND (@to IS NULL OR observed_on <= @to)
            ORDER BY observed_on DESC, recorded_at DESC, id
            """, Read, null, ("@ids", SqliteValues.List(staffIds)),
            ("@from", from is { } f ? SqliteValues.Date(f) : null), ("@to", to is { } t ? SqliteValues.Date(t) : null)));

    private static Inspection Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), (Window)r.GetInt32(2), r.GetString(3), (ConductPart)r.GetInt32(4), r.GetString(5),
        (InspectionKind)r.GetInt32(6), r.GetString(7), r.GetString(8), r.ReadDate(9), r.ReadInstant(10));
}
