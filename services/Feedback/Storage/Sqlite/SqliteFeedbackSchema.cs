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
        -- Summaries count by (scope, counted or voided, office day) and read the level (and staff) from the index alone.
        CREATE INDEX IF NOT EXISTS ix_ratings_window_day ON ratings (window, voided, rated_on, level, staff_id);
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
        CREATE INDEX IF NOT EXISTS ix_cases_staff_opened ON rectification_cases (staff_id, opened_on);
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
            hidden INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK (anonymous = 0 OR (name IS NULL AND phone IS NULL))
        );
        CREATE INDEX IF NOT EXISTS ix_suggestions_window ON suggestions (window, submitted_at, suggestion_id);

        CREATE TABLE IF NOT EXISTS suggestion_entries (
            suggestion_id TEXT NOT NULL REFERENCES suggestions (suggestion_id),
            number INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            text TEXT NOT NULL,
            by_whom TEXT NOT NULL,
            at TEXT NOT NULL,
            idempotency_key TEXT NULL,
            fingerprint TEXT NULL,
            PRIMARY KEY (suggestion_id, number)
        );

        CREATE TABLE IF NOT EXISTS questionnaires (
            questionnaire_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            window INTEGER NULL,
            created_at TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS questionnaire_questions (
            questionnaire_id TEXT NOT NULL REFERENCES questionnaires (questionnaire_id),
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            scale_min INTEGER NOT NULL,
            scale_max INTEGER NOT NULL,
            PRIMARY KEY (questionnaire_id, number)
        );
        CREATE TABLE IF NOT EXISTS questionnaire_responses (
            response_id TEXT PRIMARY KEY,
            questionnaire_id TEXT NOT NULL REFERENCES questionnaires (questionnaire_id),
            window INTEGER NOT NULL,
            comment TEXT NULL,
            submitted_at TEXT NOT NULL,
            submitted_on TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_responses_questionnaire ON questionnaire_responses (questionnaire_id, window, submitted_on);
        -- Results group the answers by question and score straight from this index.
        CREATE TABLE IF NOT EXISTS questionnaire_answers (
            response_id TEXT NOT NULL REFERENCES questionnaire_responses (response_id),
            questionnaire_id TEXT NOT NULL,
            window INTEGER NOT NULL,
            submitted_on TEXT NOT NULL,
            question_number INTEGER NOT NULL,
            score INTEGER NOT NULL,
            PRIMARY KEY (response_id, question_number)
        );
        CREATE TABLE IF NOT EXISTS evaluators (
            evaluator_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            phone TEXT NULL,
            affiliation TEXT NULL,
            term_start TEXT NOT NULL,
            term_end TEXT NOT NULL,
            appointed_at TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_evaluators_term ON evaluators (term_end, term_start);
        CREATE TABLE IF NOT EXISTS inspection_reports (
            report_id TEXT PRIMARY KEY,
            evaluator_id TEXT NOT NULL REFERENCES evaluators (evaluator_id),
            window INTEGER NOT NULL,
            staff_id TEXT NULL,
            visited_on TEXT NOT NULL,
            score INTEGER NOT NULL,
            findings TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_reports_window_day ON inspection_reports (window, visited_on);
        CREATE TABLE IF NOT EXISTS appraisal_meetings (
            meeting_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            held_on TEXT NOT NULL,
            minutes TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            idempotency_key TEXT NULL UNIQUE,
            fingerprint TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_meetings_held ON appraisal_meetings (held_on);
        CREATE TABLE IF NOT EXISTS appraisal_attendees (
            meeting_id TEXT NOT NULL REFERENCES appraisal_meetings (meeting_id),
            number INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NULL,
            PRIMARY KEY (meeting_id, number)
        );
        CREATE TABLE IF NOT EXISTS appraisal_scores (
            meeting_id TEXT NOT NULL REFERENCES appraisal_meetings (meeting_id),
            number INTEGER NOT NULL,
            window INTEGER NOT NULL,
            held_on TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (meeting_id, number)
        );
        CREATE INDEX IF NOT EXISTS ix_scores_window ON appraisal_scores (window, held_on, score);
        CREATE INDEX IF NOT EXISTS ix_answers_results ON questionnaire_answers (questionnaire_id, window, submitted_on, question_number, score);
        """;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(Ddl);
}
