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

        CREATE TABLE IF NOT EXISTS designations (
            id TEXT PRIMARY KEY,
            kind INTEGER NOT NULL,
            window_type INTEGER NOT NULL,
            office_id TEXT NOT NULL,
            staff_id TEXT NOT NULL,
            holder_key TEXT NOT NULL,
            granted_on TEXT NOT NULL,
            grant_reason TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            withdrawn_on TEXT,
            withdrawal_reason TEXT,
            withdrawn_by TEXT,
            withdrawn_at TEXT,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT,
            withdrawal_idempotency_key TEXT UNIQUE,
            withdrawal_fingerprint TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_designations_in_force ON designations (holder_key) WHERE withdrawn_on IS NULL;
        CREATE INDEX IF NOT EXISTS ix_designations_window ON designations (window_type, granted_on);

        CREATE TABLE IF NOT EXISTS conduct_rules (
            id TEXT PRIMARY KEY,
            part INTEGER NOT NULL,
            text TEXT NOT NULL,
            active INTEGER NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS inspections (
            id TEXT PRIMARY KEY,
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            window_type INTEGER NOT NULL,
            rule_id TEXT NOT NULL,
            part INTEGER NOT NULL,
            rule_text TEXT NOT NULL,
            kind INTEGER NOT NULL,
            inspector TEXT NOT NULL,
            evidence TEXT NOT NULL,
            observed_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_inspections_staff ON inspections (staff_id, observed_on);

        CREATE TABLE IF NOT EXISTS contests (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            window_type INTEGER NOT NULL,
            held_on TEXT NOT NULL,
            max_score REAL NOT NULL,
            created_at TEXT NOT NULL,
            idempotency_key TEXT UNIQUE,
            request_fingerprint TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_contests_held ON contests (held_on);

        CREATE TABLE IF NOT EXISTS contest_scores (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            contest_id TEXT NOT NULL REFERENCES contests (id),
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            score REAL NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (contest_id, staff_id)
        );
        CREATE INDEX IF NOT EXISTS ix_contest_scores_staff ON contest_scores (staff_id);

        CREATE TABLE IF NOT EXISTS contest_score_batches (
            idempotency_key TEXT NOT NULL UNIQUE,
            contest_id TEXT NOT NULL REFERENCES contests (id),
            request_fingerprint TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS case_reports (
            event_id TEXT NOT NULL UNIQUE,
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            window_type INTEGER NOT NULL,
            month TEXT NOT NULL,
            count INTEGER NOT NULL,
            source TEXT NOT NULL,
            received_at TEXT NOT NULL,
            request_fingerprint TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_case_reports_month ON case_reports (month, staff_id);

        CREATE TABLE IF NOT EXISTS ratings (
            rating_id TEXT NOT NULL UNIQUE,
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            window_type INTEGER NOT NULL,
            level INTEGER NOT NULL,
            rated_on TEXT NOT NULL,
            complaint INTEGER NOT NULL,
            rectification_case_id TEXT,
            recorded_at TEXT NOT NULL,
            request_fingerprint TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_ratings_complaints ON ratings (staff_id, rated_on) WHERE complaint = 1;

        CREATE TABLE IF NOT EXISTS rectification_closures (
            case_id TEXT NOT NULL UNIQUE,
            staff_id TEXT NOT NULL REFERENCES staff_members (id),
            rating_id TEXT NOT NULL,
            on_time INTEGER NOT NULL,
            outcome INTEGER NOT NULL,
            closed_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            request_fingerprint TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_rectification_closures_rating ON rectification_closures (rating_id);

        CREATE TABLE IF NOT EXISTS catalogue_versions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            window_type INTEGER NOT NULL,
            office_id TEXT NOT NULL,
            effective_from TEXT NOT NULL,
            content TEXT NOT NULL,
            published_at TEXT NOT NULL,
            published_by TEXT NOT NULL,
            UNIQUE (item_id, version)
        );
        CREATE INDEX IF NOT EXISTS ix_catalogue_window ON catalogue_versions (window_type, item_id);

        CREATE TABLE IF NOT EXISTS service_times (
            event_id TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL,
            completed_on TEXT NOT NULL,
            month TEXT NOT NULL,
            elapsed INTEGER NOT NULL,
            promised_value INTEGER NOT NULL,
            promised_unit INTEGER NOT NULL,
            within_promise INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            request_fingerprint TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_service_times_month ON service_times (item_id, month);
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Ddl);
}
