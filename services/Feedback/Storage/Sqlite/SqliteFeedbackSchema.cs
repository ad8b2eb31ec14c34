using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.Feedback.Storage.Sqlite;

/// <summary>Tables and indexes of the embedded store, created at start-up (idempotent DDL).</summary>
internal sealed class SqliteFeedbackSchema(SqliteDatabase database) : IStoreInitializer
{
    internal const string Ddl = """
        CREATE TABLE IF NOT EXISTS ratings (
            rating_id TEXT PRIMARY KEY,
            window INTEGER NOT NULL,
            staff_id TEXT NULL,
            service_reference TEXT NOT NULL UNIQUE,
            level INTEGER NOT NULL,
            comment TEXT NULL,
            channel INTEGER NOT NULL,
            rated_at TEXT NOT NULL,
            rated_on TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );
        -- Summaries count by (scope, office day) and read the level from the index alone.
        CREATE INDEX IF NOT EXISTS ix_ratings_window_day ON ratings (window, rated_on, level);
        CREATE INDEX IF NOT EXISTS ix_ratings_staff_day ON ratings (staff_id, rated_on, level);

        CREATE TABLE IF NOT EXISTS suggestions (
            suggestion_id TEXT PRIMARY KEY,
            window INTEGER NOT NULL,
            category TEXT NOT NULL,
            text TEXT NOT NULL,
            anonymous INTEGER NOT NULL,
            name TEXT NULL,
            phone TEXT NULL,
            submitted_at TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL,
            CHECK (anonymous = 0 OR (name IS NULL AND phone IS NULL))
        );
        CREATE INDEX IF NOT EXISTS ix_suggestions_window ON suggestions (window, submitted_at);
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Ddl);
}
