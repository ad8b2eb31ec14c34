using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteRatingStore(SqliteDatabase database) : IRatingStore
{
    private const string Columns =
        "rating_id, window, staff_id, service_reference, level, comment, channel, rated_at, rated_on, idempotency_key, fingerprint, invitation_id, voided";

    /// <summary>Counts per level in the store, read from the (scope, day, level) index. <c>{0}</c> is the scope column.</summary>
    internal const string CountByLevelSql = """
        SELECT level, COUNT(*) FROM ratings
        WHERE {0} = $scope AND voided = 0 AND ($from IS NULL OR rated_on >= $from) AND ($to IS NULL OR rated_on <= $to)
        GROUP BY level
        """;

    public Task<AddOutcome> AddAsync(Rating rating, RectificationCase? openedCase = null, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var outcome = await connection.InsertAsync(transaction,
                $"INSERT INTO ratings ({Columns}) VALUES ($id, $window, $staff, $reference, $level, $comment, $channel, $at, $on, $key, $fingerprint, $invitation, $voided)",
                "idempotency_key",
                ("$id", rating.Id), ("$window", (int)rating.Window), ("$staff", rating.StaffId),
                ("$reference", rating.ServiceReference), ("$level", (int)rating.Level), ("$comment", rating.Comment),
                ("$channel", (int)rating.Channel), ("$at", SqliteValues.Instant(rating.RatedAt)), ("$on", SqliteValues.Day(rating.RatedOn)),
                ("$key", rating.Idempotency?.Key), ("$fingerprint", rating.Idempotency?.Fingerprint),
                ("$invitation", rating.InvitationId), ("$voided", rating.Voided ? 1 : 0));
            if (outcome == AddOutcome.Added && openedCase is not null)
                await SqliteRectificationStore.InsertAsync(connection, transaction, openedCase);
            return outcome;
        }, cancellationToken);

    public Task<Rating?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM ratings WHERE service_reference = $reference", Read, null, ("$reference", serviceReference)));

    public Task<Rating?> FindAsync(string ratingId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM ratings WHERE rating_id = $id", Read, null, ("$id", ratingId)));

    public Task<Rating?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM ratings WHERE idempotency_key = $key", Read, null, ("$key", key)));

    public Task<SatisfactionFigures> CountByLevelAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var (sql, value) = CountByLevel(scope);
        return database.ReadAsync(async connection =>
        {
            var rows = await connection.QueryAsync(sql,
                r => KeyValuePair.Create((RatingLevel)r.GetInt32(0), r.GetInt32(1)), null,
                ("$scope", value), ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To)));
            return new SatisfactionFigures(rows);
        });
    }

    /// <summary>Counts per month and level, still read from the (scope, voided, day, level) index.</summary>
    internal const string CountByMonthSql = """
        SELECT substr(rated_on, 1, 7) AS month, level, COUNT(*) FROM ratings
        WHERE {0} = $scope AND voided = 0 AND ($from IS NULL OR rated_on >= $from) AND ($to IS NULL OR rated_on <= $to)
        GROUP BY month, level
        """;

    public Task<IReadOnlyList<MonthLevelCount>> CountByMonthAndLevelAsync(RatingScope scope, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        var (column, value) = SqliteValues.ScopeColumn(scope);
        return database.ReadAsync<IReadOnlyList<MonthLevelCount>>(async connection => await connection.QueryAsync(
            string.Format(CountByMonthSql, column),
            r => new MonthLevelCount(r.GetString(0), (RatingLevel)r.GetInt32(1), r.GetInt32(2)), null,
            ("$scope", value), ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To))));
    }

    internal const string CountByStaffSql = """
        SELECT staff_id, level, COUNT(*) FROM ratings
        WHERE window = $scope AND voided = 0 AND staff_id IS NOT NULL
          AND ($from IS NULL OR rated_on >= $from) AND ($to IS NULL OR rated_on <= $to)
        GROUP BY staff_id, level
        """;

    public Task<IReadOnlyList<StaffLevelCount>> CountByStaffAndLevelAsync(Window window, ReportingPeriod period,
        CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<StaffLevelCount>>(async connection => await connection.QueryAsync(CountByStaffSql,
            r => new StaffLevelCount(r.GetString(0), (RatingLevel)r.GetInt32(1), r.GetInt32(2)), null,
            ("$scope", (int)window), ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To))));

    internal static (string Sql, object Value) CountByLevel(RatingScope scope)
    {
        var (column, value) = SqliteValues.ScopeColumn(scope);
        return (string.Format(CountByLevelSql, column), value);
    }

    private static Rating Read(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Window: (Window)r.GetInt32(1),
        StaffId: r.GetNullableString(2),
        ServiceReference: r.GetString(3),
        Level: (RatingLevel)r.GetInt32(4),
        Comment: r.GetNullableString(5),
        Channel: (RatingChannel)r.GetInt32(6),
        RatedAt: r.ReadInstant(7),
        RatedOn: r.ReadDay(8),
        Idempotency: r.IsDBNull(9) ? null : new Idempotency(r.GetString(9), r.GetString(10)),
        InvitationId: r.GetNullableString(11),
        Voided: r.GetInt32(12) == 1);
}
