using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.Marriage.Storage.Sqlite;

/// <summary>The marriage service's tables. Unique keys carry the rules that must hold under concurrency.</summary>
internal sealed class SqliteMarriageSchema(SqliteDatabase database) : IStoreInitializer
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS offices (office_id TEXT PRIMARY KEY, doc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS calendar_days (
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            appointment_only INTEGER NOT NULL,
            windows INTEGER NOT NULL DEFAULT 0,
            closed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (office_id, date));
        CREATE TABLE IF NOT EXISTS slots (
            slot_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            capacity INTEGER NOT NULL,
            booked INTEGER NOT NULL DEFAULT 0,
            CHECK (booked >= 0 AND booked <= capacity));
        CREATE INDEX IF NOT EXISTS ix_slots_office_date ON slots (office_id, date, start_time);
        CREATE TABLE IF NOT EXISTS appointments (
            appointment_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            slot_id TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            first_name TEXT NOT NULL,
            first_id_number TEXT NOT NULL,
            first_phone TEXT NOT NULL,
            second_name TEXT NOT NULL,
            second_id_number TEXT NOT NULL,
            second_phone TEXT NOT NULL,
            status INTEGER NOT NULL,
            booked_at TEXT NOT NULL,
            cancelled_at TEXT,
            cancel_reason TEXT,
            history TEXT NOT NULL DEFAULT '[]');
        CREATE INDEX IF NOT EXISTS ix_appointments_day ON appointments (office_id, date, status);
        CREATE TABLE IF NOT EXISTS active_persons (
            id_number TEXT PRIMARY KEY,
            appointment_id TEXT NOT NULL,
            date TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_active_persons_appointment ON active_persons (appointment_id);
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            appointment_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tickets (
            ticket_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            status INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            queued_at TEXT NOT NULL,
            number TEXT NOT NULL,
            window_number INTEGER,
            appointment_id TEXT UNIQUE,
            version INTEGER NOT NULL,
            doc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_tickets_queue ON tickets (office_id, date, status, rank, queued_at);
        CREATE TABLE IF NOT EXISTS counters (series TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS marriage_records (
            marriage_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            registered_on TEXT NOT NULL,
            status INTEGER NOT NULL,
            version INTEGER NOT NULL,
            doc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS record_parties (
            id_number TEXT NOT NULL,
            marriage_id TEXT NOT NULL,
            PRIMARY KEY (id_number, marriage_id));
        CREATE TABLE IF NOT EXISTS active_spouses (id_number TEXT PRIMARY KEY, marriage_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_active_spouses_marriage ON active_spouses (marriage_id);
        CREATE TABLE IF NOT EXISTS certificates (number TEXT PRIMARY KEY, marriage_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS divorce_applications (
            application_id TEXT PRIMARY KEY,
            marriage_id TEXT NOT NULL,
            office_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            version INTEGER NOT NULL,
            doc TEXT NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_divorce_open_per_marriage ON divorce_applications (marriage_id) WHERE state = 1;
        CREATE TABLE IF NOT EXISTS archive_entries (
            marriage_id TEXT NOT NULL,
            office_id TEXT NOT NULL,
            date TEXT NOT NULL,
            action TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_archive_entries_day ON archive_entries (office_id, date);
        """;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(Schema);
        // Columns added since the first release of the service, for files it created then.
        await database.AddMissingColumnsAsync("calendar_days", ("windows", "INTEGER NOT NULL DEFAULT 0"), ("closed", "INTEGER NOT NULL DEFAULT 0"));
        await database.AddMissingColumnsAsync("appointments", ("history", "TEXT NOT NULL DEFAULT '[]'"));
        await database.MigrateAsync("CREATE INDEX IF NOT EXISTS ix_calendar_days_open ON calendar_days (closed, date);");
    }
}
