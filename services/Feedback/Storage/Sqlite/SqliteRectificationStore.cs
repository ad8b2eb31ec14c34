using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteRectificationStore(SqliteDatabase database) : IRectificationStore
{
    private const string Columns =
        "case_id, rating_id, window, staff_id, service_reference, level, opened_at, opened_on, deadline, stage, " +
        "stage_before_appeal, outcome, closed_on, version";

    private const string StepColumns = "case_id, number, action, from_stage, to_stage, handled_by, note, at, idempotency_key, fingerprint";

    /// <summary>Open cases past their deadline; <c>stage &lt;&gt; 7</c> lets SQLite use the partial index of open cases.</summary>
    internal const string OverdueSql = $"""
        SELECT {Columns} FROM rectification_cases
        WHERE stage <> 7 AND deadline < $today AND ($window IS NULL OR window = $window)
        ORDER BY deadline, case_id LIMIT $limit
        """;

    /// <summary>The figures of a window's or staff member's cases; <c>{0}</c> is the scope column.</summary>
    internal const string CountSql = """
        SELECT COUNT(*),
               COALESCE(SUM(stage = 7), 0),
               COALESCE(SUM(stage = 7 AND closed_on <= deadline), 0),
               COALESCE(SUM(stage <> 7 AND deadline < $today), 0)
        FROM rectification_cases
        WHERE {0} = $scope AND ($from IS NULL OR opened_on >= $from) AND ($to IS NULL OR opened_on <= $to)
        """;

    /// <summary>Inserts a new case with its first step, inside the caller's transaction (the rating's).</summary>
    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, RectificationCase c)
    {
        await connection.ExecuteAsync(
            $"INSERT INTO rectification_cases ({Columns}) VALUES ($id, $rating, $window, $staff, $reference, $level, $openedAt, $openedOn, $deadline, $stage, $before, $outcome, $closed, $version)",
            transaction, [.. CaseParameters(c)]);
        foreach (var step in c.Steps) await InsertStepAsync(connection, transaction, c.Id, step);
    }

    public Task<RectificationCase?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var found = await connection.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM rectification_cases WHERE case_id = $id",
                ReadCase, null, ("$id", caseId));
            if (found is not null) await ReadStepsAsync(connection, found);
            return found;
        });

    public Task<bool> SaveStepAsync(RectificationCase updated, int expectedVersion, CaseStep step, string? voidRatingId,
        CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync("""
                UPDATE rectification_cases
                SET deadline = $deadline, stage = $stage, stage_before_appeal = $before, outcome = $outcome, closed_on = $closed, version = $version
                WHERE case_id = $id AND version = $expected
                """, transaction, [.. CaseParameters(updated), ("$expected", expectedVersion)]);
            if (changed == 0) return false;
            await InsertStepAsync(connection, transaction, updated.Id, step);
            if (voidRatingId is not null)
                await connection.ExecuteAsync("UPDATE ratings SET voided = 1 WHERE rating_id = $id", transaction, ("$id", voidRatingId));
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<RectificationCase>> ListOverdueAsync(Window? window, DateOnly today, int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<RectificationCase>>(async connection =>
        {
            var cases = await connection.QueryAsync(OverdueSql, ReadCase, null,
                ("$today", SqliteValues.Day(today)), ("$window", window is { } w ? (int)w : null), ("$limit", limit));
            foreach (var c in cases) await ReadStepsAsync(connection, c);
            return cases;
        });

    public Task<IReadOnlyList<RectificationCase>> ListAsync(Window window, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<RectificationCase>>(async connection =>
        {
            var cases = await connection.QueryAsync($"""
                SELECT {Columns} FROM rectification_cases
                WHERE window = $window AND ($from IS NULL OR opened_on >= $from) AND ($to IS NULL OR opened_on <= $to)
                ORDER BY opened_on DESC, case_id DESC LIMIT $limit
                """, ReadCase, null, ("$window", (int)window), ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To)),
                ("$limit", limit));
            foreach (var c in cases) await ReadStepsAsync(connection, c);
            return cases;
        });

    public Task<RectificationFigures> CountAsync(RatingScope scope, ReportingPeriod period, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (column, value) = SqliteValues.ScopeColumn(scope);
        return database.ReadAsync(async connection => (await connection.QuerySingleOrDefaultAsync(string.Format(CountSql, column),
            r => new RectificationFigures(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)), null,
            ("$scope", value), ("$today", SqliteValues.Day(today)),
            ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To))))!);
    }

    private static async Task ReadStepsAsync(SqliteConnection connection, RectificationCase c) =>
        c.Steps.AddRange(await connection.QueryAsync(
            $"SELECT {StepColumns} FROM case_steps WHERE case_id = $id ORDER BY number", ReadStep, null, ("$id", c.Id)));

    private static (string, object?)[] CaseParameters(RectificationCase c) =>
    [
        ("$id", c.Id), ("$rating", c.RatingId), ("$window", (int)c.Window), ("$staff", c.StaffId),
        ("$reference", c.ServiceReference), ("$level", (int)c.Level), ("$openedAt", SqliteValues.Instant(c.OpenedAt)),
        ("$openedOn", SqliteValues.Day(c.OpenedOn)), ("$deadline", SqliteValues.Day(c.Deadline)), ("$stage", (int)c.Stage),
        ("$before", c.StageBeforeAppeal is { } before ? (int)before : null), ("$outcome", (int)c.Outcome),
        ("$closed", SqliteValues.Day(c.ClosedOn)), ("$version", c.Version),
    ];

    private static Task<int> InsertStepAsync(SqliteConnection connection, SqliteTransaction transaction, string caseId, CaseStep step) =>
        connection.ExecuteAsync(
            $"INSERT INTO case_steps ({StepColumns}) VALUES ($case, $number, $action, $from, $to, $by, $note, $at, $key, $fingerprint)",
            transaction,
            ("$case", caseId), ("$number", step.Number), ("$action", (int)step.Action), ("$from", (int)step.From),
            ("$to", (int)step.To), ("$by", step.HandledBy), ("$note", step.Note), ("$at", SqliteValues.Instant(step.At)),
            ("$key", step.Idempotency?.Key), ("$fingerprint", step.Idempotency?.Fingerprint));

    private static RectificationCase ReadCase(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        RatingId = r.GetString(1),
        Window = (Window)r.GetInt32(2),
        StaffId = r.GetNullableString(3),
        ServiceReference = r.GetString(4),
        Level = (RatingLevel)r.GetInt32(5),
        OpenedAt = r.ReadInstant(6),
        OpenedOn = r.ReadDay(7),
        Deadline = r.ReadDay(8),
        Stage = (CaseStage)r.GetInt32(9),
        StageBeforeAppeal = r.IsDBNull(10) ? null : (CaseStage)r.GetInt32(10),
        Outcome = (CaseOutcome)r.GetInt32(11),
        ClosedOn = r.ReadNullableDay(12),
        Version = r.GetInt32(13),
    };

    private static CaseStep ReadStep(SqliteDataReader r) => new(
        Number: r.GetInt32(1),
        Action: (CaseAction)r.GetInt32(2),
        From: (CaseStage)r.GetInt32(3),
        To: (CaseStage)r.GetInt32(4),
        HandledBy: r.GetString(5),
        Note: r.GetNullableString(6),
        At: r.ReadInstant(7),
        Idempotency: r.IsDBNull(8) ? null : new Idempotency(r.GetString(8), r.GetString(9)));
}
