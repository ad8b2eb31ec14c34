using System.Globalization;
using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.ServiceDefaults.Idempotency;

public sealed class SqliteIdempotencyStore(SqliteDatabase database) : IIdempotencyStore, IStoreInitializer
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS idempotent_requests (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            completed INTEGER NOT NULL DEFAULT 0,
            status_code INTEGER,
            response BLOB,
            detail TEXT,
            details BLOB,
            claimed_at TEXT NOT NULL);
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Schema);

    public Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, DateTimeOffset now, TimeSpan abandonedAfter,
        CancellationToken cancellationToken) =>
        database.WriteAsync<IdempotencyClaim>(async (c, t) =>
        {
            var earlier = await c.QuerySingleOrDefaultAsync(
                "SELECT fingerprint, completed, status_code, response, detail, details, claimed_at FROM idempotent_requests WHERE key = $key",
                r => new
                {
                    Fingerprint = r.GetString(0), Completed = r.GetInt64(1) == 1,
                    Outcome = new StoredOutcome(r.IsDBNull(2) ? 0 : r.GetInt32(2), r.IsDBNull(3) ? null : (byte[])r[3],
                        r.GetNullableString(4), r.IsDBNull(5) ? null : (byte[])r[5]),
                    ClaimedAt = DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture),
                }, t, ("$key", key));
            if (earlier is null)
            {
                await c.ExecuteAsync("INSERT INTO idempotent_requests (key, fingerprint, claimed_at) VALUES ($key, $fingerprint, $now)",
                    t, ("$key", key), ("$fingerprint", fingerprint), ("$now", now.ToString("O", CultureInfo.InvariantCulture)));
                return new IdempotencyClaim.Granted();
            }
            if (earlier.Fingerprint != fingerprint) return new IdempotencyClaim.Conflict();
            if (earlier.Completed) return new IdempotencyClaim.Replay(earlier.Outcome);
            if (now - earlier.ClaimedAt < abandonedAfter) return new IdempotencyClaim.InProgress();
            await c.ExecuteAsync("UPDATE idempotent_requests SET claimed_at = $now WHERE key = $key",
                t, ("$key", key), ("$now", now.ToString("O", CultureInfo.InvariantCulture)));
            return new IdempotencyClaim.Granted();
        }, cancellationToken);

    public Task CompleteAsync(string key, StoredOutcome outcome, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE idempotent_requests SET completed = 1, status_code = $code, response = $response, detail = $detail, details = $details WHERE key = $key",
            t, ("$key", key), ("$code", outcome.StatusCode), ("$response", outcome.Response), ("$detail", outcome.Detail), ("$details", outcome.Details)),
            cancellationToken);

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync("DELETE FROM idempotent_requests WHERE key = $key AND completed = 0", t, ("$key", key)),
            cancellationToken);
}
