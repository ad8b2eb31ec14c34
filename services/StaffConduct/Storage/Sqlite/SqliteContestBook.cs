using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteContestBook(SqliteDatabase database) : IContestBook
{
    private const string Columns = "id, title, window_type, held_on, max_score, created_at";

    public Task<bool> AddAsync(Contest c, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("contests.idempotency_key", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO contests ({Columns}, idempotency_key, request_fingerprint)
            VALUES (@id, @title, @window, @on, @max, @at, @key, @fingerprint)
            """, transaction,
            ("@id", c.Id), ("@title", c.Title), ("@window", (int)c.Window), ("@on", SqliteValues.Date(c.HeldOn)), ("@max", c.MaxScore),
            ("@at", SqliteValues.Instant(c.CreatedAt)), ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint)), cancellationToken);

    public async Task<ScoresWrite> AddScoresAsync(string contestId, IReadOnlyList<ContestScore> scores, IdempotencyTag? tag,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var stored = await database.WriteOnceAsync("contest_score_batches.idempotency_key", async (connection, transaction) =>
            {
                if (tag is not null)
                    await connection.ExecuteAsync(
                        "INSERT INTO contest_score_batches (idempotency_key, contest_id, request_fingerprint) VALUES (@key, @contest, @fingerprint)",
                        transaction, ("@key", tag.Key), ("@contest", contestId), ("@fingerprint", tag.Fingerprint));
                foreach (var s in scores)
                    await connection.ExecuteAsync(
                        "INSERT INTO contest_scores (contest_id, staff_id, score, recorded_at) VALUES (@contest, @staff, @score, @at)",
                        transaction, ("@contest", contestId), ("@staff", s.StaffId), ("@score", s.Score), ("@at", SqliteValues.Instant(s.RecordedAt)));
            }, cancellationToken);
            return stored ? ScoresWrite.Written : ScoresWrite.IdempotencyKeyTaken;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("contest_scores.contest_id"))
        {
            return ScoresWrite.ParticipantAlreadyScored;
        }
    }

    public async Task<Remembered<Contest>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await FindRememberedAsync("SELECT id, request_fingerprint FROM contests WHERE idempotency_key = @key", key);

    public async Task<Remembered<Contest>?> FindByScoresKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await FindRememberedAsync("SELECT contest_id, request_fingerprint FROM contest_score_batches WHERE idempotency_key = @key", key);

    public async Task<Contest?> GetAsync(string contestId, CancellationToken cancellationToken = default) =>
        (await ListAsync("id = @id", ("@id", contestId))).FirstOrDefault();

    public Task<IReadOnlyList<Contest>> ListForStaffAsync(string staffId, CancellationToken cancellationToken = default) =>
        ListAsync("id IN (SELECT contest_id FROM contest_scores WHERE staff_id = @staff) ORDER BY held_on DESC, created_at DESC, id", ("@staff", staffId));

    public Task<IReadOnlyList<Contest>> ListHeldBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        ListAsync("held_on BETWEEN @from AND @to ORDER BY held_on, id", ("@from", SqliteValues.Date(from)), ("@to", SqliteValues.Date(to)));

    private async Task<Remembered<Contest>?> FindRememberedAsync(string sql, string key)
    {
        var found = await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(sql,
            r => ((string Id, string Fingerprint)?)(r.GetString(0), r.GetString(1)), null, ("@key", key)));
        if (found is not { } batch) return null;
        return await GetAsync(batch.Id) is { } contest ? new Remembered<Contest>(contest, batch.Fingerprint) : null;
    }

    /// <summary>Contests matching <paramref name="where"/>, each with its scores.</summary>
    private async Task<IReadOnlyList<Contest>> ListAsync(string where, params (string, object?)[] parameters) =>
        await database.ReadAsync(async connection =>
        {
            var contests = await connection.QueryAsync($"SELECT {Columns} FROM contests WHERE {where}", r => new Contest(
                r.GetString(0), r.GetString(1), (Window)r.GetInt32(2), r.ReadDate(3), r.GetDouble(4), r.ReadInstant(5), []), null, parameters);
            if (contests.Count == 0) return contests;
            var scores = (await connection.QueryAsync("""
                SELECT contest_id, staff_id, score, recorded_at FROM contest_scores
                WHERE contest_id IN (SELECT value FROM json_each(@ids)) ORDER BY seq
                """, r => (Contest: r.GetString(0), Score: new ContestScore(r.GetString(1), r.GetDouble(2), r.ReadInstant(3))),
                null, ("@ids", SqliteValues.List(contests.Select(c => c.Id))))).ToLookup(s => s.Contest, s => s.Score);
            return contests.Select(c => c with { Scores = scores[c.Id].ToList() }).ToList();
        });
}
