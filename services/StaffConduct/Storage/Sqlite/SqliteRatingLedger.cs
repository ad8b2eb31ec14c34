using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteRatingLedger(SqliteDatabase database) : IRatingLedger
{
    private const string RatingColumns = "rating_id, staff_id, window_type, level, rated_on, rectification_case_id, recorded_at";
    private const string ClosureColumns = "case_id, staff_id, rating_id, on_time, outcome, closed_on, recorded_at";

    public Task<bool> AddRatingAsync(ServiceRating r, string fingerprint, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("ratings.rating_id", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO ratings ({RatingColumns}, complaint, request_fingerprint)
            VALUES (@rating, @staff, @window, @level, @on, @case, @at, @complaint, @fingerprint)
            """, transaction,
            ("@rating", r.RatingId), ("@staff", r.StaffId), ("@window", (int)r.Window), ("@level", (int)r.Level),
            ("@on", SqliteValues.Date(r.RatedOn)), ("@case", r.RectificationCaseId), ("@at", SqliteValues.Instant(r.RecordedAt)),
            ("@complaint", r.IsComplaint ? 1 : 0), ("@fingerprint", fingerprint)), cancellationToken);

    public async Task<Remembered<ServiceRating>?> FindRatingAsync(string ratingId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {RatingColumns}, request_fingerprint FROM ratings WHERE rating_id = @rating",
            r => new Remembered<ServiceRating>(ReadRating(r, 0), r.GetString(7)), null, ("@rating", ratingId)));

    public Task<bool> AddClosureAsync(RectificationClosure c, string fingerprint, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("rectification_closures.case_id", (connection, transaction) => connection.ExecuteAsync($"""
            INSERT INTO rectification_closures ({ClosureColumns}, request_fingerprint)
            VALUES (@case, @staff, @rating, @onTime, @outcome, @on, @at, @fingerprint)
            """, transaction,
            ("@case", c.CaseId), ("@staff", c.StaffId), ("@rating", c.RatingId), ("@onTime", c.OnTime ? 1 : 0), ("@outcome", (int)c.Outcome),
            ("@on", SqliteValues.Date(c.ClosedOn)), ("@at", SqliteValues.Instant(c.RecordedAt)), ("@fingerprint", fingerprint)), cancellationToken);

    public async Task<Remembered<RectificationClosure>?> FindClosureAsync(string caseId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {ClosureColumns}, request_fingerprint FROM rectification_closures WHERE case_id = @case",
            r => new Remembered<RectificationClosure>(ReadClosure(r, 0), r.GetString(7)), null, ("@case", caseId)));

    public async Task<IReadOnlyList<Complaint>> ComplaintsAsync(string staffId, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync("""
            SELECT r.rating_id, r.staff_id, r.window_type, r.level, r.rated_on, r.rectification_case_id, r.recorded_at,
                   c.case_id, c.staff_id, c.rating_id, c.on_time, c.outcome, c.closed_on, c.recorded_at
            FROM ratings r LEFT JOIN rectification_closures c ON c.rating_id = r.rating_id
            WHERE r.staff_id = @staff AND r.complaint = 1
              AND (@from IS NULL OR r.rated_on >= @from) AND (@to IS NULL OR r.rated_on <= @to)
            ORDER BY r.rated_on DESC, r.recorded_at DESC, r.rating_id
            """, r => new Complaint(ReadRating(r, 0), r.IsDBNull(7) ? null : ReadClosure(r, 7)), null, ("@staff", staffId),
            ("@from", from is { } f ? SqliteValues.Date(f) : null), ("@to", to is { } t ? SqliteValues.Date(t) : null)));

    private static ServiceRating ReadRating(SqliteDataReader r, int at) => new(
        r.GetString(at), r.GetString(at + 1), (Window)r.GetInt32(at + 2), (RatingLevel)r.GetInt32(at + 3), r.ReadDate(at + 4),
        r.IsDBNull(at + 5) ? null : r.GetString(at + 5), r.ReadInstant(at + 6));

    private static RectificationClosure ReadClosure(SqliteDataReader r, int at) => new(
        r.GetString(at), r.GetString(at + 1), r.GetString(at + 2), r.GetInt32(at + 3) == 1, (RectificationOutcome)r.GetInt32(at + 4),
        r.ReadDate(at + 5), r.ReadInstant(at + 6));
}
