using CivilAffairs.Feedback.Storage.Sqlite;
using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>The contract on the embedded store: always runs.</summary>
public sealed class SqliteStoreContractTests : FeedbackStoreContract
{
    private SqliteStore _store = null!;

    public override async Task InitializeAsync()
    {
        _store = await SqliteStore.CreateAsync();
        Ratings = new SqliteRatingStore(_store.Database);
        Suggestions = new SqliteSuggestionStore(_store.Database);
        Invitations = new SqliteInvitationStore(_store.Database);
        Cases = new SqliteRectificationStore(_store.Database);
        Questionnaires = new SqliteQuestionnaireStore(_store.Database);
        Evaluators = new SqliteEvaluatorStore(_store.Database);
        Appraisals = new SqliteAppraisalStore(_store.Database);
    }

    public override Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task An_anonymous_row_has_no_name_or_phone_column_value()
    {
        await Suggestions.AddAsync(new Feedback.Domain.Suggestion("s-1", SharedKernel.Window.ChildWelfare, "其他", "建议",
            null, DateTimeOffset.UnixEpoch));

        var identity = await _store.Database.ReadAsync(c => c.QuerySingleOrDefaultAsync(
            "SELECT name IS NULL AND phone IS NULL FROM suggestions WHERE suggestion_id = 's-1'", r => r.GetBoolean(0)));

        Assert.True(identity);
    }

    [Fact]
    public async Task The_overdue_list_reads_the_partial_index_of_open_cases()
    {
        var plan = await _store.Database.ReadAsync(c => c.QueryAsync("EXPLAIN QUERY PLAN " + SqliteRectificationStore.OverdueSql,
            r => r.GetString(3), null, ("$today", "2026-11-02"), ("$window", null), ("$limit", 10)));

        Assert.Contains(plan, line => line.Contains("ix_cases_open_deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Questionnaire_results_are_grouped_from_the_covering_answers_index()
    {
        var plan = await _store.Database.ReadAsync(c => c.QueryAsync("EXPLAIN QUERY PLAN " + SqliteQuestionnaireStore.CountScoresSql,
            r => r.GetString(3), null, ("$questionnaire", "q-1"), ("$window", 3), ("$from", null), ("$to", null)));

        Assert.Contains(plan, line => line.Contains("COVERING INDEX ix_answers_results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_staff_ranking_reads_the_covering_window_index()
    {
        var plan = await _store.Database.ReadAsync(c => c.QueryAsync("EXPLAIN QUERY PLAN " + SqliteRatingStore.CountByStaffSql,
            r => r.GetString(3), null, ("$scope", 1), ("$from", null), ("$to", null)));

        Assert.Contains(plan, line => line.Contains("COVERING INDEX ix_ratings_window_day", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("window", "ix_ratings_window_day")]
    [InlineData("staff_id", "ix_ratings_staff_day")]
    public async Task Summaries_are_answered_from_an_index_without_reading_the_rows(string column, string index)
    {
        foreach (var sql in new[] { SqliteRatingStore.CountByLevelSql, SqliteRatingStore.CountByMonthSql })
        {
            var plan = await _store.Database.ReadAsync(c => c.QueryAsync("EXPLAIN QUERY PLAN " + string.Format(sql, column), r => r.GetString(3),
                null, ("$scope", 1), ("$from", "2026-11-01"), ("$to", "2026-11-30")));

            Assert.Contains(plan, line => line.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ratings", StringComparison.Ordinal) && !line.Contains("INDEX"));
        }
    }
}
