using System.Globalization;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Storage;

/// <summary>
/// Carries a store file of the release before documents over, once: every table becomes documents, history included
/// (case steps, suggestion entries, answers); the outbox is carried over by ServiceDefaults' EarlierReleaseOutbox, as in every service. The old tables stay as
/// they were. Idempotency keys and fingerprints are not carried: the shared interceptor keeps its own records.
/// </summary>
internal sealed class EarlierReleaseImport : IStoreMigration
{
    public async Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await store.ImportLegacyAsync("invitations", rows => PutAll(FeedbackDocuments.Invitations, rows, Invitation), cancellationToken);
        await store.ImportLegacyAsync("ratings", rows => PutAll(FeedbackDocuments.Ratings, rows, Rating), cancellationToken);
        await ImportWholeAsync(store, "rectification_cases", "case_id", ["case_steps"],
            (rows, parts) => PutAll(FeedbackDocuments.Cases, rows, r => Case(r, parts[0])), cancellationToken);
        await ImportWholeAsync(store, "suggestions", "suggestion_id", ["suggestion_entries"],
            (rows, parts) => PutAll(FeedbackDocuments.Suggestions, rows, r => Suggestion(r, parts[0])), cancellationToken);
        await ImportWholeAsync(store, "questionnaires", "questionnaire_id", ["questionnaire_questions"],
            (rows, parts) => PutAll(FeedbackDocuments.Questionnaires, rows, r => Questionnaire(r, parts[0])), cancellationToken);
        await ImportWholeAsync(store, "questionnaire_responses", "response_id", ["questionnaire_answers"],
            (rows, parts) => PutAll(FeedbackDocuments.Responses, rows, r => Response(r, parts[0])), cancellationToken);
        await store.ImportLegacyAsync("evaluators", rows => PutAll(FeedbackDocuments.Evaluators, rows, Evaluator), cancellationToken);
        await store.ImportLegacyAsync("inspection_reports", rows => PutAll(FeedbackDocuments.Reports, rows, Report), cancellationToken);
        await ImportWholeAsync(store, "appraisal_meetings", "meeting_id", ["appraisal_attendees", "appraisal_scores"],
            (rows, parts) => PutAll(FeedbackDocuments.Meetings, rows, r => Meeting(r, parts[0], parts[1])), cancellationToken);
    }

    /// <summary>
    /// Imports a table whose records are completed by rows of part tables (a case and its steps) in one commit. The
    /// parts are read first without being marked as imported, then the records commit whole, and only then are the
    /// parts marked, so a stop in between loses nothing: the next start reads the parts again.
    /// </summary>
    private static async Task ImportWholeAsync(IDocumentStore store, string table, string key, string[] partTables,
        Func<IReadOnlyList<LegacyRow>, ILookup<string, LegacyRow>[], WriteBatch> import, CancellationToken cancellationToken)
    {
        var parts = new ILookup<string, LegacyRow>[partTables.Length];
        for (var i = 0; i < partTables.Length; i++) parts[i] = (await ReadAsync(store, partTables[i], cancellationToken)).ToLookup(r => r.Text(key));
        await store.ImportLegacyAsync(table, rows => import(rows, parts), cancellationToken);
        foreach (var part in partTables) await store.ImportLegacyAsync(part, _ => new WriteBatch(), cancellationToken);
    }

    /// <summary>The rows of a table not yet imported, leaving it unmarked: the import is abandoned once they are read.</summary>
    private static async Task<IReadOnlyList<LegacyRow>> ReadAsync(IDocumentStore store, string table, CancellationToken cancellationToken)
    {
        IReadOnlyList<LegacyRow> read = [];
        try
        {
            await store.ImportLegacyAsync(table, rows =>
            {
                read = rows;
                throw new OnlyReading();
            }, cancellationToken);
        }
        catch (OnlyReading)
        {
        }
        return read;
    }

    private sealed class OnlyReading : Exception;

    private static WriteBatch PutAll<T>(DocumentCollection<T> collection, IEnumerable<LegacyRow> rows, Func<LegacyRow, T> map) where T : class
    {
        var batch = new WriteBatch();
        foreach (var row in rows) batch.Put(collection, map(row));
        return batch;
    }

    private static Invitation Invitation(LegacyRow r) => new(r.Text("invitation_id"), (Window)r.Number("window"), r.TextOrNull("staff_id"),
        r.Text("service_reference"), (RatingChannel)r.Number("channel"), r.Instant("created_at"), r.Instant("expires_at"));

    private static Rating Rating(LegacyRow r) => new(r.Text("rating_id"), (Window)r.Number("window"), r.TextOrNull("staff_id"),
        r.Text("service_reference"), (RatingLevel)r.Number("level"), r.TextOrNull("comment"), (RatingChannel)r.Number("channel"),
        r.Instant("rated_at"), Day(r, "rated_on"), r.TextOrNull("invitation_id"), r.Number("voided") == 1);

    private static RectificationCase Case(LegacyRow r, ILookup<string, LegacyRow> steps) => new()
    {
        Id = r.Text("case_id"),
        RatingId = r.Text("rating_id"),
        Window = (Window)r.Number("window"),
        StaffId = r.TextOrNull("staff_id"),
        ServiceReference = r.Text("service_reference"),
        Level = (RatingLevel)r.Number("level"),
        OpenedAt = r.Instant("opened_at"),
        OpenedOn = Day(r, "opened_on"),
        Deadline = Day(r, "deadline"),
        Stage = (CaseStage)r.Number("stage"),
        StageBeforeAppeal = r["stage_before_appeal"] is null ? null : (CaseStage)r.Number("stage_before_appeal"),
        Outcome = (CaseOutcome)r.Number("outcome"),
        ClosedOn = r["closed_on"] is null ? null : Day(r, "closed_on"),
        Version = (int)r.Number("version"),
        Steps = steps[r.Text("case_id")].OrderBy(s => s.Number("number")).Select(s => new CaseStep((int)s.Number("number"),
            (CaseAction)s.Number("action"), (CaseStage)s.Number("from_stage"), (CaseStage)s.Number("to_stage"), s.Text("handled_by"),
            s.TextOrNull("note"), s.Instant("at"))).ToList(),
    };

    private static Suggestion Suggestion(LegacyRow r, ILookup<string, LegacyRow> entries) =>
        new(r.Text("suggestion_id"), (Window)r.Number("window"), r.Text("category"), r.Text("text"),
            r.Number("anonymous") == 1 ? null : new Suggester(r.Text("name"), r.TextOrNull("phone")), r.Instant("submitted_at"))
        {
            Entries = entries[r.Text("suggestion_id")].OrderBy(e => e.Number("number")).Select(e => new SuggestionEntry((int)e.Number("number"),
                (SuggestionEntryKind)e.Number("kind"), e.Text("text"), e.Text("by_whom"), e.Instant("at"))).ToList(),
        };

    private static Questionnaire Questionnaire(LegacyRow r, ILookup<string, LegacyRow> questions) =>
        new(r.Text("questionnaire_id"), r.Text("title"), r["window"] is null ? null : (Window)r.Number("window"),
            questions[r.Text("questionnaire_id")].OrderBy(q => q.Number("number")).Select(q => new Question((int)q.Number("number"),
                q.Text("text"), (int)q.Number("scale_min"), (int)q.Number("scale_max"))).ToList(),
            r.Instant("created_at"));

    private static QuestionnaireResponse Response(LegacyRow r, ILookup<string, LegacyRow> answers) =>
        new(r.Text("response_id"), r.Text("questionnaire_id"), (Window)r.Number("window"),
            answers[r.Text("response_id")].OrderBy(a => a.Number("question_number"))
                .Select(a => new Answer((int)a.Number("question_number"), (int)a.Number("score"))).ToList(),
            r.TextOrNull("comment"), r.Instant("submitted_at"), Day(r, "submitted_on"));

    private static Evaluator Evaluator(LegacyRow r) => new(r.Text("evaluator_id"), r.Text("name"), r.TextOrNull("phone"),
        r.TextOrNull("affiliation"), Day(r, "term_start"), Day(r, "term_end"), r.Instant("appointed_at"));

    private static InspectionReport Report(LegacyRow r) => new(r.Text("report_id"), r.Text("evaluator_id"), (Window)r.Number("window"),
        r.TextOrNull("staff_id"), Day(r, "visited_on"), (int)r.Number("score"), r.Text("findings"), r.Instant("submitted_at"));

    private static AppraisalMeeting Meeting(LegacyRow r, ILookup<string, LegacyRow> attendees, ILookup<string, LegacyRow> scores)
    {
        var id = r.Text("meeting_id");
        return new AppraisalMeeting(id, r.Text("title"), Day(r, "held_on"),
            attendees[id].OrderBy(a => a.Number("number")).Select(a => new Attendee(a.Text("name"), a.TextOrNull("role"))).ToList(),
            scores[id].OrderBy(s => s.Number("number")).Select(s => new WindowScore((Window)s.Number("window"), Score(s))).ToList(),
            r.Text("minutes"), r.Instant("recorded_at"));
    }

    /// <summary>The earlier release wrote office days as YYYY-MM-DD.</summary>
    private static DateOnly Day(LegacyRow r, string column) => DateOnly.ParseExact(r.Text(column), Dates.DateFormat, CultureInfo.InvariantCulture);

    private static double Score(LegacyRow r) => Convert.ToDouble(r["score"], CultureInfo.InvariantCulture);
}
