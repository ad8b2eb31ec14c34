using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteCommitmentBook(SqliteDatabase database) : ICommitmentBook
{
    private const string Columns =
        "id, staff_id, window_type, text, deadline, published_at, kept, evidence, recorded_by, recorded_at";

    public Task<bool> AddAsync(Commitment commitment, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("commitments.idempotency_key", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO commitments ({Columns}, request_fingerprint, idempotency_key)
            VALUES (@id, @staff, @window, @text, @deadline, @published, @kept, @evidence, @by, @recorded, @fingerprint, @key)
            """, transaction,
            ("@id", commitment.Id), ("@staff", commitment.StaffId), ("@window", (int)commitment.Window),
            ("@text", commitment.Text), ("@deadline", SqliteValues.Date(commitment.Deadline)),
            ("@published", SqliteValues.Instant(commitment.PublishedAt)),
            ("@kept", commitment.Outcome is { } o ? (o.Kept ? 1 : 0) : null), ("@evidence", commitment.Outcome?.Evidence),
            ("@by", commitment.Outcome?.RecordedBy),
            ("@recorded", commitment.Outcome is { } r ? SqliteValues.Instant(r.RecordedAt) : null),
            ("@fingerprint", tag?.Fingerprint), ("@key", tag?.Key)), cancellationToken);

    public async Task<CommitmentResolve> ResolveAsync(string commitmentId, CommitmentOutcome outcome, IdempotencyTag? tag,
        CancellationToken cancellationToken = default)
    {
        var rows = 0;
        var stored = await database.WriteOnceAsync("commitments.outcome_idempotency_key", async (connection, transaction) =>
            rows = await connection.ExecuteAsync("""
                UPDATE commitments SET kept = @kept, evidence = @evidence, recorded_by = @by, recorded_at = @at,
                    outcome_idempotency_key = @key, outcome_fingerprint = @fingerprint
                WHERE id = @id AND kept IS NULL
                """, transaction,
                ("@id", commitmentId), ("@kept", outcome.Kept ? 1 : 0), ("@evidence", outcome.Evidence), ("@by", outcome.RecordedBy),
                ("@at", SqliteValues.Instant(outcome.RecordedAt)), ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint)),
            cancellationToken);
        if (!stored) return CommitmentResolve.IdempotencyKeyTaken;
        return rows == 1 ? CommitmentResolve.Resolved : CommitmentResolve.AlreadyResolved;
    }

    public Task<Remembered<Commitment>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindRememberedAsync("idempotency_key", "request_fingerprint", key);

    public Task<Remembered<Commitment>?> FindByResolutionKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindRememberedAsync("outcome_idempotency_key", "outcome_fingerprint", key);

    public Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM commitments WHERE id = @id", Read, null, ("@id", commitmentId)));

    public async Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM commitments
            WHERE staff_id IN (SELECT value FROM json_each(@ids))
            ORDER BY deadline, published_at, id
            """, Read, null, ("@ids", SqliteValues.List(staffIds))));

    public async Task<IReadOnlyList<Commitment>> ListOpenDueBeforeAsync(Window? window, DateOnly day, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM commitments
            WHERE kept IS NULL AND deadline < @day AND (@window IS NULL OR window_type = @window)
            ORDER BY deadline, published_at, id
            """, Read, null, ("@day", SqliteValues.Date(day)), ("@window", window is { } w ? (int)w : null)));

    private async Task<Remembered<Commitment>?> FindRememberedAsync(string keyColumn, string fingerprintColumn, string key) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, {fingerprintColumn} FROM commitments WHERE {keyColumn} = @key",
            r => new Remembered<Commitment>(Read(r), r.GetString(10)), null, ("@key", key)));

    private static Commitment Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), (Window)r.GetInt32(2), r.GetString(3), r.ReadDate(4), r.ReadInstant(5),
        r.IsDBNull(6) ? null : new CommitmentOutcome(r.GetInt32(6) != 0, r.GetString(7), r.GetString(8), r.ReadInstant(9)));
}
