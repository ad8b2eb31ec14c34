using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

/// <summary>
/// Tables of the embedded store. Aggregates are kept whole as JSON documents (<c>doc</c>) beside the columns that
/// rules and lookups need, so the unique indexes carry the rules: one active household per person, one open
/// application per household, one outcome per idempotency key.
/// </summary>
internal sealed class SqliteSchema(SqliteDatabase database) : IStoreInitializer
{
    public const string Ddl = """
        -- UNIQUE rather than PRIMARY KEY: SqliteCommands.IsUniqueViolation recognises the UNIQUE constraint code only.
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, resource_id TEXT NOT NULL,
            UNIQUE (scope, key));
        CREATE TABLE IF NOT EXISTS households (
            id TEXT PRIMARY KEY, county_code TEXT NOT NULL, active INTEGER NOT NULL, version INTEGER NOT NULL,
            registered_at TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS household_members (
            household_id TEXT NOT NULL, id_number TEXT NOT NULL, active INTEGER NOT NULL,
            PRIMARY KEY (household_id, id_number));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_household_members_active ON household_members (id_number) WHERE active = 1;
        CREATE TABLE IF NOT EXISTS applications (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL, status TEXT NOT NULL, open_household_id TEXT UNIQUE,
            version INTEGER NOT NULL, submitted_at TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_applications_household ON applications (household_id);
        CREATE INDEX IF NOT EXISTS ix_applications_status ON applications (status);
        CREATE TABLE IF NOT EXISTS payments (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL, case_id TEXT NOT NULL, programme TEXT NOT NULL, month TEXT NOT NULL,
            amount_fen INTEGER NOT NULL, paid_at TEXT NOT NULL, source TEXT NOT NULL,
            UNIQUE (household_id, programme, month));
        CREATE TABLE IF NOT EXISTS support_cases (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL, programme TEXT NOT NULL, status TEXT NOT NULL, open_key TEXT UNIQUE,
            version INTEGER NOT NULL, opened_at TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_support_cases_status ON support_cases (status);
        CREATE TABLE IF NOT EXISTS payment_runs (
            id TEXT PRIMARY KEY, month TEXT NOT NULL, ran_at TEXT NOT NULL, paid_count INTEGER NOT NULL,
            already_paid_count INTEGER NOT NULL, total_paid_fen INTEGER NOT NULL);
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Ddl);
}
