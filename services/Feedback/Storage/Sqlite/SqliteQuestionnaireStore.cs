using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteQuestionnaireStore(SqliteDatabase database) : IQuestionnaireStore
{
    private const string Columns = "questionnaire_id, title, window, created_at, idempotency_key, fingerprint";
    private const string ResponseColumns = "response_id, questionnaire_id, window, comment, submitted_at, submitted_on, idempotency_key, fingerprint";
    private const string InScope = """
        questionnaire_id = $questionnaire AND ($window IS NULL OR window = $window)
        AND ($from IS NULL OR submitted_on >= $from) AND ($to IS NULL OR submitted_on <= $to)
        """;

    internal const string CountScoresSql =
        $"SELECT question_number, score, COUNT(*) FROM questionnaire_answers WHERE {InScope} GROUP BY question_number, score";

    public Task<AddOutcome> AddAsync(Questionnaire questionnaire, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var outcome = await connection.InsertAsync(transaction,
                $"INSERT INTO questionnaires ({Columns}) VALUES ($id, $title, $window, $at, $key, $fingerprint)", "idempotency_key",
                ("$id", questionnaire.Id), ("$title", questionnaire.Title), ("$window", (int?)questionnaire.Window),
                ("$at", SqliteValues.Instant(questionnaire.CreatedAt)),
                ("$key", questionnaire.Idempotency?.Key), ("$fingerprint", questionnaire.Idempotency?.Fingerprint));
            if (outcome != AddOutcome.Added) return outcome;
            foreach (var q in questionnaire.Questions)
                await connection.ExecuteAsync(
                    "INSERT INTO questionnaire_questions (questionnaire_id, number, text, scale_min, scale_max) VALUES ($id, $n, $text, $min, $max)",
                    transaction, ("$id", questionnaire.Id), ("$n", q.Number), ("$text", q.Text), ("$min", q.ScaleMin), ("$max", q.ScaleMax));
            return outcome;
        }, cancellationToken);

    public Task<Questionnaire?> FindAsync(string questionnaireId, CancellationToken cancellationToken = default) =>
        FindWhereAsync("questionnaire_id", questionnaireId);

    public Task<Questionnaire?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindWhereAsync("idempotency_key", key);

    public Task<AddOutcome> AddResponseAsync(QuestionnaireResponse response, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var outcome = await connection.InsertAsync(transaction,
                $"INSERT INTO questionnaire_responses ({ResponseColumns}) VALUES ($id, $questionnaire, $window, $comment, $at, $on, $key, $fingerprint)",
                "idempotency_key",
                ("$id", response.Id), ("$questionnaire", response.QuestionnaireId), ("$window", (int)response.Window),
                ("$comment", response.Comment), ("$at", SqliteValues.Instant(response.SubmittedAt)), ("$on", SqliteValues.Day(response.SubmittedOn)),
                ("$key", response.Idempotency?.Key), ("$fingerprint", response.Idempotency?.Fingerprint));
            if (outcome != AddOutcome.Added) return outcome;
            foreach (var answer in response.Answers)
                await connection.ExecuteAsync("""
                    INSERT INTO questionnaire_answers (response_id, questionnaire_id, window, submitted_on, question_number, score)
                    VALUES ($id, $questionnaire, $window, $on, $number, $score)
                    """, transaction,
                    ("$id", response.Id), ("$questionnaire", response.QuestionnaireId), ("$window", (int)response.Window),
                    ("$on", SqliteValues.Day(response.SubmittedOn)), ("$number", answer.QuestionNumber), ("$score", answer.Score));
            return outcome;
        }, cancellationToken);

    public Task<QuestionnaireResponse?> FindResponseByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var response = await connection.QuerySingleOrDefaultAsync(
                $"SELECT {ResponseColumns} FROM questionnaire_responses WHERE idempotency_key = $key", ReadResponse, null, ("$key", key));
            if (response is null) return null;
            var answers = await connection.QueryAsync(
                "SELECT question_number, score FROM questionnaire_answers WHERE response_id = $id ORDER BY question_number",
                r => new Answer(r.GetInt32(0), r.GetInt32(1)), null, ("$id", response.Id));
            return response with { Answers = answers };
        });

    public Task<IReadOnlyList<ScoreCount>> CountScoresAsync(string questionnaireId, Window? window, ReportingPeriod period,
        CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ScoreCount>>(async connection => await connection.QueryAsync(CountScoresSql,
            r => new ScoreCount(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)), null, ScopeParameters(questionnaireId, window, period)));

    public Task<int> CountResponsesAsync(string questionnaireId, Window? window, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection => await connection.QuerySingleOrDefaultAsync(
            $"SELECT COUNT(*) FROM questionnaire_responses WHERE {InScope}", r => r.GetInt32(0), null,
            ScopeParameters(questionnaireId, window, period)));

    private static (string, object?)[] ScopeParameters(string questionnaireId, Window? window, ReportingPeriod period) =>
    [
        ("$questionnaire", questionnaireId), ("$window", (int?)window),
        ("$from", SqliteValues.Day(period.From)), ("$to", SqliteValues.Day(period.To)),
    ];

    private Task<Questionnaire?> FindWhereAsync(string column, string value) =>
        database.ReadAsync(async connection =>
        {
            var found = await connection.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM questionnaires WHERE {column} = $value",
                r => new Questionnaire(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : (Window)r.GetInt32(2), [], r.ReadInstant(3),
                    r.IsDBNull(4) ? null : new Idempotency(r.GetString(4), r.GetString(5))),
                null, ("$value", value));
            if (found is null) return null;
            var questions = await connection.QueryAsync(
                "SELECT number, text, scale_min, scale_max FROM questionnaire_questions WHERE questionnaire_id = $id ORDER BY number",
                r => new Question(r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)), null, ("$id", found.Id));
            return found with { Questions = questions };
        });

    private static QuestionnaireResponse ReadResponse(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), (Window)r.GetInt32(2), [], r.GetNullableString(3), r.ReadInstant(4), r.ReadDay(5),
        r.IsDBNull(6) ? null : new Idempotency(r.GetString(6), r.GetString(7)));
}
