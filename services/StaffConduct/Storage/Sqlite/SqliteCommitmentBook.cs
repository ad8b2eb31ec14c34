using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteCommitmentBook(SqliteDatabase database) : ICommitmentBook
{
    private const string Columns =
        "id, staff_id, window_type, text, deadline, published_at, kept, evidence, recorded_by, recorded_at, request_fingerprint";

    public async Task<bool> AddAsync(Commitment commitment, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.WriteAsync((connection, transaction) => connection.ExecuteAsync($"""
                INSERT INTO commitments ({Columns}, idempotency_key)
                VALUES (@id, @staff, @window, @text, @deadline, @published, @kept, @evidence, @by, @recorded, @fingerprint, @key)
                """, transaction,
                ("@id", commitment.Id), ("@staff", commitment.StaffId), ("@window", (int)commitment.Window),
                ("@text", commitment.Text), ("@deadline", SqliteValues.Date(commitment.Deadline)),
                ("@published", SqliteValues.Instant(commitment.PublishedAt)),
                ("@kept", commitment.Outcome is { } o ? (o.Kept ? 1 : 0) : null), ("@evidence", commitment.Outcome?.Evidence),
                ("@by", commitment.Outcome?.RecordedBy),
                ("@recorded", commitment.Outcome is { } r ? SqliteValues.Instant(r.RecordedAt) : null),
                ("@fingerprint", tag?.Fingerprint), ("@key", tag?.Key)), cancellationToken);
            return true;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("commitments.idempotency_key"))
        {
            return false;
        }
    }

    public async Task<Remembered<Commitment>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM commitments WHERE idempotency_key = @key",
            r => new Remembered<Commitment>(Read(r), r.GetString(10)), null, ("@key", key)));

    public Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM commitments WHERE id = @id", Read, null, ("@id", commitmentId)));

    public async Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM commitments
            WHERE staff_id IN (SELECT value FROM json_each(@ids))
            ORDER BY deadline, published_at, id
            """, Read, null, ("@ids", SqliteValues.List(staffIds))));

    private static Commitment Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), (Window)r.GetInt32(2), r.GetString(3), r.ReadDate(4), r.ReadInstant(5),
        r.IsDBNull(6) ? null : new CommitmentOutcome(r.GetInt32(6) != 0, r.GetString(7), r.GetString(8), r.ReadInstant(9)));
}
