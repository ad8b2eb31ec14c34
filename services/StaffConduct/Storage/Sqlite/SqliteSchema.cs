using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

/// <summary>Creates the service's tables and indexes at start-up (idempotent DDL).</summary>
internal sealed class SqliteSchema(SqliteDatabase database) : IStoreInitializer
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS staff_members (
            id TEXT PRIMARY KEY,
            badge_number TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            photo_url TEXT NOT NULL,
            window_type INTEGER NOT NULL,
            office_id TEXT NOT NULL,
            post TEXT NOT NULL,
            duties TEXT NOT NULL,
            party_member INTEGER NOT NULL,
            registered_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_staff_members_window ON staff_members (window_type, office_id, badge_number);

        CREATE TABLE IF NOT EXISTS staff_history (
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            version INTEGER NOT NULL,
            profile TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            reason TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT,
            PRIMARY KEY (staff_id, version)
        );

        CREATE TABLE IF NOT EXISTS duty_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            date TEXT NOT NULL,
            status INTEGER NOT NULL,
            note TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            window_type INTEGER NOT NULL,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_duty_log_day ON duty_log (date, staff_id, seq);

        CREATE TABLE IF NOT EXISTS commitments (
            id TEXT PRIMARY KEY,
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            window_type INTEGER NOT NULL,
            text TEXT NOT NULL,
            deadline TEXT NOT NULL,
            published_at TEXT NOT NULL,
            kept INTEGER,
            evidence TEXT,
            recorded_by TEXT,
            recorded_at TEXT,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT,
            outcome_idempotency_key TEXT UNIQUE,
            outcome_fingerprint TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_commitments_staff ON commitments (staff_id, deadline);
        CREATE INDEX IF NOT EXISTS ix_commitments_open ON commitments (deadline) WHERE kept IS NULL;
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Ddl);
}
