using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteAppraisalStore(SqliteDatabase database) : IAppraisalStore
{
    private const string Columns = "meeting_id, title, held_on, minutes, recorded_at, idempotency_key, fingerprint";

    public Task<AddOutcome> AddAsync(AppraisalMeeting meeting, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var outcome = await connection.InsertAsync(transaction,
                $"INSERT INTO appraisal_meetings ({Columns}) VALUES ($id, $title, $held, $minutes, $at, $key, $fingerprint)", "idempotency_key",
                ("$id", meeting.Id), ("$title", meeting.Title), ("$held", SqliteValues.Day(meeting.HeldOn)), ("$minutes", meeting.Minutes),
                ("$at", SqliteValues.Instant(meeting.RecordedAt)),
                ("$key", meeting.Idempotency?.Key), ("$fingerprint", meeting.Idempotency?.Fingerprint));
            if (outcome != AddOutcome.Added) return outcome;
            for (var i = 0; i < meeting.Attendees.Count; i++)
                await connection.ExecuteAsync(
                    "INSERT INTO appraisal_attendees (meeting_id, number, name, role) VALUES ($id, $n, $name, $role)", transaction,
                    ("$id", meeting.Id), ("$n", i + 1), ("$name", meeting.Attendees[i].Name), ("$role", meeting.Attendees[i].Role));
            for (var i = 0; i < meeting.Scores.Count; i++)
                await connection.ExecuteAsync(
                    "INSERT INTO appraisal_scores (meeting_id, number, window, held_on, score) VALUES ($id, $n, $window, $held, $score)", transaction,
                    ("$id", meeting.Id), ("$n", i + 1), ("$window", (int)meeting.Scores[i].Window),
                    ("$held", SqliteValues.Day(meeting.HeldOn)), ("$score", meeting.Scores[i].Score));
            return outcome;
        }, cancellationToken);

    public Task<AppraisalMeeting?> FindAsync(string meetingId, CancellationToken cancellationToken = default) =>
        FindWhereAsync("meeting_id", meetingId);

    public Task<AppraisalMeeting?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindWhereAsync("idempotency_key", key);

    public Task<IReadOnlyList<AppraisalMeeting>> ListAsync(ReportingPeriod period, int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<AppraisalMeeting>>(async connection =>
        {
            var meetings = await connection.QueryAsync($"""
                SELECT {Columns} FROM appraisal_meetings
                WHERE ($from IS NULL OR held_on >= $from) AND ($to IS NULL OR held_on <= $to)
                ORDER BY held_on DESC, meeting_id DESC LIMIT $limit
                """, Read, null, ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To)), ("$limit", limit));
            var complete = new List<AppraisalMeeting>();
            foreach (var meeting in meetings) complete.Add(await WithDetailsAsync(connection, meeting));
            return complete;
        });

    public Task<AppraisalFigures> ScoreOfAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection => (await connection.QuerySingleOrDefaultAsync("""
            SELECT COUNT(*), COALESCE(AVG(score), 0) FROM appraisal_scores
            WHERE window = $window AND ($from IS NULL OR held_on >= $from) AND ($to IS NULL OR held_on <= $to)
            """, r => new AppraisalFigures(r.GetInt32(0), r.GetDouble(1)), null,
            ("$window", (int)window), ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To))))!);

    private Task<AppraisalMeeting?> FindWhereAsync(string column, string value) =>
        database.ReadAsync(async connection =>
        {
            var meeting = await connection.QuerySingleOrDefaultAsync(
                $"SELECT {Columns} FROM appraisal_meetings WHERE {column} = $value", Read, null, ("$value", value));
            return meeting is null ? null : await WithDetailsAsync(connection, meeting);
        });

    private static async Task<AppraisalMeeting> WithDetailsAsync(SqliteConnection connection, AppraisalMeeting meeting) => meeting with
    {
        Attendees = await connection.QueryAsync("SELECT name, role FROM appraisal_attendees WHERE meeting_id = $id ORDER BY number",
            r => new Attendee(r.GetString(0), r.GetNullableString(1)), null, ("$id", meeting.Id)),
        Scores = await connection.QueryAsync("SELECT window, score FROM appraisal_scores WHERE meeting_id = $id ORDER BY number",
            r => new WindowScore((Window)r.GetInt32(0), r.GetDouble(1)), null, ("$id", meeting.Id)),
    };

    private static AppraisalMeeting Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.ReadDay(2), [], [], r.GetString(3), r.ReadInstant(4),
        r.IsDBNull(5) ? null : new Idempotency(r.GetString(5), r.GetString(6)));
}
