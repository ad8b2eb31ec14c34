using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteDesignationRegister(SqliteDatabase database) : IDesignationRegister
{
    private const string Columns = "id, kind, window_type, office_id, staff_id, granted_on, grant_reason, granted_by, recorded_at, " +
                                   "withdrawn_on, withdrawal_reason, withdrawn_by, withdrawn_at";

    public async Task<DesignationWrite> AddAsync(Designation d, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        try
        {
            var stored = await database.WriteOnceAsync("designations.idempotency_key", (connection, transaction) => connection.ExecuteAsync("""
                INSERT INTO designations (id, kind, window_type, office_id, staff_id, holder_key, granted_on, grant_reason, granted_by,
                                          recorded_at, idempotency_key, request_fingerprint)
                VALUES (@id, @kind, @window, @office, @staff, @holder, @on, @reason, @by, @at, @key, @fingerprint)
                """, transaction,
                ("@id", d.Id), ("@kind", (int)d.Kind), ("@window", (int)d.Window), ("@office", d.OfficeId), ("@staff", d.StaffId),
                ("@holder", d.HolderKey), ("@on", SqliteValues.Date(d.GrantedOn)), ("@reason", d.GrantReason), ("@by", d.GrantedBy),
                ("@at", SqliteValues.Instant(d.RecordedAt)), ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint)), cancellationToken);
            return stored ? DesignationWrite.Written : DesignationWrite.IdempotencyKeyTaken;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("designations.holder_key"))
        {
            return DesignationWrite.HolderAlreadyDesignated;
        }
    }

    public async Task<DesignationWrite> WithdrawAsync(string designationId, DesignationWithdrawal w, IdempotencyTag? tag,
        CancellationToken cancellationToken = default)
    {
        var rows = 0;
        var stored = await database.WriteOnceAsync("designations.withdrawal_idempotency_key", async (connection, transaction) =>
            rows = await connection.ExecuteAsync("""
                UPDATE designations SET withdrawn_on = @on, withdrawal_reason = @reason, withdrawn_by = @by, withdrawn_at = @at,
                    withdrawal_idempotency_key = @key, withdrawal_fingerprint = @fingerprint
                WHERE id = @id AND withdrawn_on IS NULL
                """, transaction,
                ("@id", designationId), ("@on", SqliteValues.Date(w.On)), ("@reason", w.Reason), ("@by", w.By),
                ("@at", SqliteValues.Instant(w.RecordedAt)), ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint)),
            cancellationToken);
        if (!stored) return DesignationWrite.IdempotencyKeyTaken;
        return rows == 1 ? DesignationWrite.Written : DesignationWrite.NotInForce;
    }

    public Task<Remembered<Designation>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindRememberedAsync("idempotency_key", "request_fingerprint", key);

    public Task<Remembered<Designation>?> FindByWithdrawalKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindRememberedAsync("withdrawal_idempotency_key", "withdrawal_fingerprint", key);

    public Task<Designation?> GetAsync(string designationId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM designations WHERE id = @id", Read, null, ("@id", designationId)));

    public async Task<IReadOnlyList<Designation>> ListByWindowAsync(Window window, bool includeWithdrawn, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM designations
            WHERE window_type = @window AND (@all = 1 OR withdrawn_on IS NULL)
            ORDER BY granted_on, recorded_at, id
            """, Read, null, ("@window", (int)window), ("@all", includeWithdrawn ? 1 : 0)));

    private async Task<Remembered<Designation>?> FindRememberedAsync(string keyColumn, string fingerprintColumn, string key) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, {fingerprintColumn} FROM designations WHERE {keyColumn} = @key",
            r => new Remembered<Designation>(Read(r), r.GetString(13)), null, ("@key", key)));

    private static Designation Read(SqliteDataReader r) => new(
        r.GetString(0), (DesignationKind)r.GetInt32(1), (Window)r.GetInt32(2), r.GetString(3), r.GetString(4), r.ReadDate(5),
        r.GetString(6), r.GetString(7), r.ReadInstant(8),
        r.IsDBNull(9) ? null : new DesignationWithdrawal(r.ReadDate(9), r.GetString(10), r.GetString(11), r.ReadInstant(12)));
}
