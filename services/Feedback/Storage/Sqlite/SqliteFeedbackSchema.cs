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
            fingerprint TEXT NULL,
            invitation_id TEXT NULL,
            voided INTEGER NOT NULL DEFAULT 0
        );
        -- Summaries count by (scope, counted or voided, office day) and read the level from the index alone.
        CREATE INDEX IF NOT EXISTS ix_ratings_window_day ON ratings (window, voided, rated_on, level);
        CREATE INDEX IF NOT EXISTS ix_ratings_staff_day ON ratings (staff_id, voided, rated_on, level);

        CREATE TABLE IF NOT EXISTS invitations (
            invitation_id TEXT PRIMARY KEY,
            window INTEGER NOT NULL,
            staff_id TEXT NULL,
            service_reference TEXT NOT NULL UNIQUE,
            channel INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );

        CREATE TABLE IF NOT EXISTS rectification_cases (
            case_id TEXT PRIMARY KEY,
            rating_id TEXT NOT NULL UNIQUE,
            window INTEGER NOT NULL,
            staff_id TEXT NULL,
            service_reference TEXT NOT NULL,
            level INTEGER NOT NULL,
            opened_at TEXT NOT NULL,
            opened_on TEXT NOT NULL,
            deadline TEXT NOT NULL,
            stage INTEGER NOT NULL,
            stage_before_appeal INTEGER NULL,
            outcome INTEGER NOT NULL,
            closed_on TEXT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_cases_window_opened ON rectification_cases (window, opened_on);
        -- The supervisors' overdue list reads only open cases, by deadline.
        CREATE INDEX IF NOT EXISTS ix_cases_open_deadline ON rectification_cases (deadline) WHERE stage <> 7;

        CREATE TABLE IF NOT EXISTS case_steps (
            case_id TEXT NOT NULL REFERENCES rectification_cases (case_id),
            number INTEGER NOT NULL,
            action INTEGER NOT NULL,
            from_stage INTEGER NOT NULL,
            to_stage INTEGER NOT NULL,
            handled_by TEXT NOT NULL,
            note TEXT NULL,
            at TEXT NOT NULL,
            idempotency_key TEXT NULL,
            fingerprint TEXT NULL,
            PRIMARY KEY (case_id, number)
        );

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
