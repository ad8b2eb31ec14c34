using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteEvaluatorStore(SqliteDatabase database) : IEvaluatorStore
{
    private const string Columns = "evaluator_id, name, phone, affiliation, term_start, term_end, appointed_at, idempotency_key, fingerprint";
    private const string ReportColumns =
        "report_id, evaluator_id, window, staff_id, visited_on, score, findings, submitted_at, idempotency_key, fingerprint";

    public Task<AddOutcome> AddAsync(Evaluator evaluator, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.InsertAsync(transaction,
            $"INSERT INTO evaluators ({Columns}) VALUES ($id, $name, $phone, $affiliation, $start, $end, $at, $key, $fingerprint)",
            "idempotency_key",
            ("$id", evaluator.Id), ("$name", evaluator.Name), ("$phone", evaluator.Phone), ("$affiliation", evaluator.Affiliation),
            ("$start", SqliteValues.Day(evaluator.TermStart)), ("$end", SqliteValues.Day(evaluator.TermEnd)),
            ("$at", SqliteValues.Instant(evaluator.AppointedAt)),
            ("$key", evaluator.Idempotency?.Key), ("$fingerprint", evaluator.Idempotency?.Fingerprint)), cancellationToken);

    public Task<Evaluator?> FindAsync(string evaluatorId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM evaluators WHERE evaluator_id = $v", Read, null, ("$v", evaluatorId)));

    public Task<Evaluator?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM evaluators WHERE idempotency_key = $v", Read, null, ("$v", key)));

    public Task<IReadOnlyList<Evaluator>> ListInTermAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Evaluator>>(async c => await c.QueryAsync(
            $"SELECT {Columns} FROM evaluators WHERE term_end >= $day AND term_start <= $day ORDER BY appointed_at, evaluator_id",
            Read, null, ("$day", SqliteValues.Day(day))));

    public Task<AddOutcome> AddReportAsync(InspectionReport report, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.InsertAsync(transaction,
            $"INSERT INTO inspection_reports ({ReportColumns}) VALUES ($id, $evaluator, $window, $staff, $on, $score, $findings, $at, $key, $fingerprint)",
            "idempotency_key",
            ("$id", report.Id), ("$evaluator", report.EvaluatorId), ("$window", (int)report.Window), ("$staff", report.StaffId),
            ("$on", SqliteValues.Day(report.VisitedOn)), ("$score", report.Score), ("$findings", report.Findings),
            ("$at", SqliteValues.Instant(report.SubmittedAt)),
            ("$key", report.Idempotency?.Key), ("$fingerprint", report.Idempotency?.Fingerprint)), cancellationToken);

    public Task<InspectionReport?> FindReportByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync(
            $"SELECT {ReportColumns} FROM inspection_reports WHERE idempotency_key = $v", ReadReport, null, ("$v", key)));

    public Task<IReadOnlyList<InspectionReport>> ListReportsAsync(Window window, string? staffId, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<InspectionReport>>(async c => await c.QueryAsync($"""
            SELECT {ReportColumns} FROM inspection_reports
            WHERE window = $window AND ($staff IS NULL OR staff_id = $staff)
              AND ($from IS NULL OR visited_on >= $from) AND ($to IS NULL OR visited_on <= $to)
            ORDER BY visited_on DESC, report_id DESC LIMIT $limit
            """, ReadReport, null, ("$window", (int)window), ("$staff", staffId),
            ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To)), ("$limit", limit)));

    private static Evaluator Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetNullableString(2), r.GetNullableString(3), r.ReadDay(4), r.ReadDay(5), r.ReadInstant(6),
        r.IsDBNull(7) ? null : new Idempotency(r.GetString(7), r.GetString(8)));

    private static InspectionReport ReadReport(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), (Window)r.GetInt32(2), r.GetNullableString(3), r.ReadDay(4), r.GetInt32(5), r.GetString(6),
        r.ReadInstant(7), r.IsDBNull(8) ? null : new Idempotency(r.GetString(8), r.GetString(9)));
}
