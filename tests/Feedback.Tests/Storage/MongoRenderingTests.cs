using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage.Mongo;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>The queries the Mongo adapter sends, rendered to BSON: checked without a server.</summary>
public sealed class MongoRenderingTests
{
    internal static BsonDocument Render<T>(FilterDefinition<T> filter) =>
        filter.Render(new RenderArgs<T>(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry));

    internal static IReadOnlyList<BsonDocument> Render<TIn, TOut>(PipelineDefinition<TIn, TOut> pipeline) =>
        pipeline.Render(new RenderArgs<TIn>(BsonSerializer.SerializerRegistry.GetSerializer<TIn>(), BsonSerializer.SerializerRegistry)).Documents.ToList();

    [Fact]
    public void The_window_summary_matches_on_window_and_day_range_then_groups_by_level_in_the_server()
    {
        var pipeline = MongoRatingStore.SummaryPipeline(new RatingScope.OfWindow(Window.SocialAssistance),
            new ReportingPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

        var stages = Render(pipeline);

        Assert.Equal(2, stages.Count);
        Assert.Equal(BsonDocument.Parse("""
            { "$match": { "window": 2, "voided": false, "ratedOn": { "$gte": "2026-11-01", "$lte": "2026-11-30" } } }
            """), stages[0]);
        Assert.Equal(BsonDocument.Parse("""{ "$group": { "_id": "$level", "count": { "$sum": 1 } } }"""), stages[1]);
    }

    [Fact]
    public void The_staff_summary_without_a_period_matches_the_staff_member_alone()
    {
        var filter = MongoRatingStore.InScope(new RatingScope.OfStaff("staff-9"), ReportingPeriod.Always);

        Assert.Equal(BsonDocument.Parse("""{ "staffId": "staff-9", "voided": false }"""), Render(filter));
    }

    [Fact]
    public void A_half_open_period_has_one_bound()
    {
        var filter = MongoRatingStore.InScope(new RatingScope.OfWindow(Window.PlaceNames), new ReportingPeriod(null, new DateOnly(2026, 1, 31)));

        Assert.Equal(BsonDocument.Parse("""{ "window": 10, "voided": false, "ratedOn": { "$lte": "2026-01-31" } }"""), Render(filter));
    }

    [Fact]
    public void Lookups_by_idempotency_key_use_the_key_field()
    {
        Assert.Equal(BsonDocument.Parse("""{ "idempotencyKey": "k" }"""), Render(MongoRatingStore.ByIdempotencyKey("k")));
        Assert.Equal(BsonDocument.Parse("""{ "idempotencyKey": "k" }"""), Render(MongoSuggestionStore.ByIdempotencyKey("k")));
    }

    [Fact]
    public void The_summary_indexes_lead_with_the_scope_and_voided_then_the_day()
    {
        var indexes = MongoRatingStore.Indexes().ToList();
        var keys = indexes.ToDictionary(i => i.Options.Name, i => i.Keys.Render(new RenderArgs<RatingDocument>(
            BsonSerializer.SerializerRegistry.GetSerializer<RatingDocument>(), BsonSerializer.SerializerRegistry)));

        Assert.Equal(BsonDocument.Parse("""{ "window": 1, "voided": 1, "ratedOn": 1, "level": 1 }"""), keys[MongoRatingStore.WindowDayIndex]);
        Assert.Equal(BsonDocument.Parse("""{ "staffId": 1, "voided": 1, "ratedOn": 1, "level": 1 }"""), keys[MongoRatingStore.StaffDayIndex]);
        Assert.True(indexes.Single(i => i.Options.Name == MongoRatingStore.ServiceReferenceIndex).Options.Unique);
    }

    [Fact]
    public void An_anonymous_suggestion_document_has_no_name_or_phone_element()
    {
        var document = SuggestionDocument.From(new Suggestion("s-1", Window.ChildWelfare, "其他", "建议", null, DateTimeOffset.UnixEpoch))
            .ToBsonDocument();

        Assert.False(document.Contains("name"));
        Assert.False(document.Contains("phone"));
        Assert.True(document["anonymous"].AsBoolean);
    }

    [Fact]
    public void Voiding_a_rating_sets_its_flag_and_nothing_else()
    {
        var update = MongoRatingStore.Void().Render(new RenderArgs<RatingDocument>(
            BsonSerializer.SerializerRegistry.GetSerializer<RatingDocument>(), BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("""{ "$set": { "voided": true } }"""), update);
    }

    [Fact]
    public void A_step_is_saved_only_on_the_version_it_was_taken_from()
    {
        Assert.Equal(BsonDocument.Parse("""{ "_id": "rc-1", "version": 3 }"""), Render(MongoRectificationStore.AtVersion("rc-1", 3)));
    }

    [Fact]
    public void The_overdue_list_matches_open_cases_before_today_on_the_open_deadline_index()
    {
        var all = MongoRectificationStore.Overdue(null, new DateOnly(2026, 11, 2));
        var one = MongoRectificationStore.Overdue(Window.ElderlyCare, new DateOnly(2026, 11, 2));

        Assert.Equal(BsonDocument.Parse("""{ "isOpen": true, "deadline": { "$lt": "2026-11-02" } }"""), Render(all));
        Assert.Equal(BsonDocument.Parse("""{ "isOpen": true, "deadline": { "$lt": "2026-11-02" }, "window": 3 }"""), Render(one));
    }

    [Fact]
    public void Case_figures_are_counted_in_one_group_stage()
    {
        var stages = Render(MongoRectificationStore.CountPipeline(new RatingScope.OfWindow(Window.PlaceNames),
            new ReportingPeriod(new DateOnly(2026, 10, 1), null), new DateOnly(2026, 11, 2)));

        Assert.Equal(BsonDocument.Parse("""{ "$match": { "window": 10, "openedOn": { "$gte": "2026-10-01" } } }"""), stages[0]);
        Assert.Equal(BsonDocument.Parse("""
            { "$group": {
                "_id": null,
                "opened": { "$sum": 1 },
                "closed": { "$sum": { "$cond": [{ "$eq": ["$isOpen", false] }, 1, 0] } },
                "closedOnTime": { "$sum": { "$cond": [{ "$and": [{ "$eq": ["$isOpen", false] }, { "$lte": ["$closedOn", "$deadline"] }] }, 1, 0] } },
                "overdue": { "$sum": { "$cond": [{ "$and": [{ "$eq": ["$isOpen", true] }, { "$lt": ["$deadline", "2026-11-02"] }] }, 1, 0] } }
            } }
            """), stages[1]);
    }

    [Fact]
    public void A_window_case_list_matches_the_window_and_opening_days()
    {
        Assert.Equal(BsonDocument.Parse("""{ "window": 4, "openedOn": { "$gte": "2026-10-01", "$lte": "2026-10-31" } }"""),
            Render(MongoRectificationStore.OpenedIn(new RatingScope.OfWindow(Window.ChildWelfare),
                new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)))));
    }

    [Fact]
    public void Staff_case_figures_match_on_the_staff_member()
    {
        var stages = Render(MongoRectificationStore.CountPipeline(new RatingScope.OfStaff("staff-5"), ReportingPeriod.Always, new DateOnly(2026, 11, 2)));

        Assert.Equal(BsonDocument.Parse("""{ "$match": { "staffId": "staff-5" } }"""), stages[0]);
    }

    [Fact]
    public void A_case_document_keeps_its_history_and_says_whether_it_is_open()
    {
        var rating = new Rating("r-9", Window.PlaceNames, null, "svc", RatingLevel.Dissatisfied, null, RatingChannel.Web,
            DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 2));
        var opened = RectificationCase.OpenFor(rating, new FeedbackRules());

        var document = CaseDocument.From(opened).ToBsonDocument();

        Assert.True(document["isOpen"].AsBoolean);
        Assert.Equal("2026-11-09", document["deadline"].AsString);
        Assert.Single(document["steps"].AsBsonArray);
        Assert.Equal(opened.Steps[0], CaseDocument.From(opened).ToDomain().Steps[0]);
    }

    [Fact]
    public void A_suggestion_page_continues_after_the_cursor_time_then_id()
    {
        var cursor = new SuggestionCursor(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero), "s-9");

        var filter = Render(MongoSuggestionStore.Page(Window.ElderlyCare, "其他", cursor));

        Assert.Equal(BsonDocument.Parse("""
            { "window": 3, "category": "其他", "$or": [
                { "submittedAt": { "$lt": ISODate("2026-11-02T03:00:00Z") } },
                { "submittedAt": ISODate("2026-11-02T03:00:00Z"), "_id": { "$lt": "s-9" } } ] }
            """), filter);
    }

    [Fact]
    public void An_entry_is_pushed_with_the_new_version_and_hidden_flag_on_the_old_version()
    {
        var dropped = new Suggestion("s-1", Window.ChildWelfare, "其他", "建议", null, DateTimeOffset.UnixEpoch);
        var (hidden, entry) = dropped.With(SuggestionEntryKind.Hide, "辱骂", "moderator", DateTimeOffset.UnixEpoch);

        var update = MongoSuggestionStore.Append(hidden, entry).Render(new RenderArgs<SuggestionDocument>(
            BsonSerializer.SerializerRegistry.GetSerializer<SuggestionDocument>(), BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("""{ "_id": "s-1", "version": 1 }"""), Render(MongoSuggestionStore.AtVersion("s-1", 1)));
        Assert.Equal(2, update["$set"]["version"].AsInt32);
        Assert.True(update["$set"]["hidden"].AsBoolean);
        Assert.Equal("辱骂", update["$push"]["entries"]["text"].AsString);
    }

    [Fact]
    public void Questionnaire_scores_are_unwound_and_counted_per_question_and_score_in_the_server()
    {
        var stages = Render(MongoQuestionnaireStore.ScoresPipeline("q-1", Window.ElderlyCare,
            new ReportingPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))));

        Assert.Equal(BsonDocument.Parse("""
            { "$match": { "questionnaireId": "q-1", "window": 3, "submittedOn": { "$gte": "2026-11-01", "$lte": "2026-11-30" } } }
            """), stages[0]);
        Assert.Equal(BsonDocument.Parse("""{ "$unwind": "$answers" }"""), stages[1]);
        Assert.Equal(BsonDocument.Parse("""
            { "$group": { "_id": { "question": "$answers.question", "score": "$answers.score" }, "count": { "$sum": 1 } } }
            """), stages[2]);
    }

    [Fact]
    public void Evaluators_in_term_and_reports_in_scope_render_as_ranges_on_day_strings()
    {
        Assert.Equal(BsonDocument.Parse("""{ "termEnd": { "$gte": "2026-11-02" }, "termStart": { "$lte": "2026-11-02" } }"""),
            Render(MongoEvaluatorStore.InTermOn(new DateOnly(2026, 11, 2))));
        Assert.Equal(BsonDocument.Parse("""{ "window": 1, "staffId": "s-1", "visitedOn": { "$gte": "2026-10-01" } }"""),
            Render(MongoEvaluatorStore.ReportsOf(Window.MarriageRegistration, "s-1", new ReportingPeriod(new DateOnly(2026, 10, 1), null))));
    }

    [Fact]
    public void A_window_appraisal_score_is_unwound_filtered_and_averaged_in_the_server()
    {
        var stages = Render(MongoAppraisalStore.ScorePipeline(Window.ElderlyCare, new ReportingPeriod(new DateOnly(2026, 10, 1), null)));

        Assert.Equal(BsonDocument.Parse("""{ "$match": { "heldOn": { "$gte": "2026-10-01" }, "scores.window": 3 } }"""), stages[0]);
        Assert.Equal(BsonDocument.Parse("""{ "$unwind": "$scores" }"""), stages[1]);
        Assert.Equal(BsonDocument.Parse("""{ "$match": { "scores.window": 3 } }"""), stages[2]);
        Assert.Equal(BsonDocument.Parse("""
            { "$group": { "_id": null, "meetings": { "$sum": 1 }, "average": { "$avg": "$scores.score" } } }
            """), stages[3]);
    }

    [Fact]
    public void A_trend_groups_by_the_month_cut_from_the_office_day_and_the_level()
    {
        var stages = Render(MongoRatingStore.TrendPipeline(new RatingScope.OfStaff("s-1"), ReportingPeriod.Always));

        Assert.Equal(BsonDocument.Parse("""{ "$match": { "staffId": "s-1", "voided": false } }"""), stages[0]);
        Assert.Equal(BsonDocument.Parse("""
            { "$group": { "_id": { "month": { "$substrBytes": ["$ratedOn", 0, 7] }, "level": "$level" }, "count": { "$sum": 1 } } }
            """), stages[1]);
    }

    [Fact]
    public void A_staff_ranking_groups_a_window_by_staff_member_and_level()
    {
        var stages = Render(MongoRatingStore.StaffPipeline(Window.FuneralServices, ReportingPeriod.Always));

        Assert.Equal(BsonDocument.Parse("""{ "$match": { "window": 6, "voided": false, "staffId": { "$ne": null } } }"""), stages[0]);
        Assert.Equal(BsonDocument.Parse("""
            { "$group": { "_id": { "staffId": "$staffId", "level": "$level" }, "count": { "$sum": 1 } } }
            """), stages[1]);
    }
}
