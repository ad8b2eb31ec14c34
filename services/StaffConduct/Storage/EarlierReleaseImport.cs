using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>
/// Carries a store file of the release before the document store over: every row of its tables becomes a document
/// (history, withdrawn designations and closed cases included), once. Its tables stay as they were. Not carried over:
/// the idempotency keys and fingerprints of that release (retries are the platform's now) and its score-batch keys.
/// </summary>
internal sealed class EarlierReleaseImport : IStoreMigration
{
    public async Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await store.ImportLegacyAsync("staff_members", rows => PutAll(Staff, rows.Select(Member)), cancellationToken);
        await store.ImportLegacyAsync("staff_history", rows => PutAll(StaffHistory, rows.Select(Change)), cancellationToken);
        await store.ImportLegacyAsync("duty_log", rows => PutAll(DutyDays, rows
            .OrderBy(r => r.Number("seq"))
            .GroupBy(r => DutyDay.IdOf(r.Text("staff_id"), Day(r, "date")))
            .Select(day => new DutyDay(day.Key, day.Select(Duty).ToList()))), cancellationToken);
        await store.ImportLegacyAsync("commitments", rows => PutAll(Commitments, rows.Select(Commitment)), cancellationToken);
        await store.ImportLegacyAsync("designations", rows => PutAll(Designations, rows.Select(Designation)), cancellationToken);
        await store.ImportLegacyAsync("conduct_rules", rows => PutAll(ConductRules, rows.Select(Rule)), cancellationToken);
        await store.ImportLegacyAsync("inspections", rows => PutAll(Inspections, rows.Select(Inspection)), cancellationToken);
        await store.ImportLegacyAsync("contests", rows => PutAll(Contests, rows.Select(Contest)), cancellationToken);
        // The scores were a table of their own: they join the contests carried over just before.
        var contests = (await store.FindAsync(Contests, DocumentQuery.All, cancellationToken)).ToDictionary(c => c.Document.Id, c => c.Document);
        await store.ImportLegacyAsync("contest_scores", rows => PutAll(Contests, rows
            .OrderBy(r => r.Number("seq"))
            .GroupBy(r => r.Text("contest_id"))
            .Select(scores => contests[scores.Key] with { Scores = scores.Select(Score).ToList() })), cancellationToken);
        await store.ImportLegacyAsync("case_reports", rows => PutAll(CaseReports, rows.Select(CaseReport)), cancellationToken);
        await store.ImportLegacyAsync("ratings", rows => PutAll(Ratings, rows.Select(Rating)), cancellationToken);
        await store.ImportLegacyAsync("rectification_closures", rows => PutAll(Closures, rows.Select(Closure)), cancellationToken);
        await store.ImportLegacyAsync("catalogue_versions", rows => PutAll(Catalogue, rows.Select(ItemVersion)), cancellationToken);
        await store.ImportLegacyAsync("service_times", rows => PutAll(ServiceTimes, rows.Select(ServiceTime)), cancellationToken);
    }

    private static WriteBatch PutAll<T>(DocumentCollection<T> collection, IEnumerable<T> documents) where T : class
    {
        var batch = new WriteBatch();
        foreach (var document in documents) batch.Put(collection, document);
        return batch;
    }

    private static StaffMember Member(LegacyRow r) => new(r.Text("id"),
        new StaffProfile(r.Text("name"), r.Text("badge_number"), r.Text("photo_url"), (Window)r.Number("window_type"), r.Text("office_id"),
            r.Text("post"), Json(r, "duties", StaffConductJson.Default.ListString), r.Number("party_member") != 0),
        r.Instant("registered_at"), (int)r.Number("version"));

    /// <summary>That release kept the profile of each version as JSON (PascalCase names, the window by number): read as it is.</summary>
    private static StaffChange Change(LegacyRow r) => new(r.Text("staff_id"), (int)r.Number("version"),
        Json(r, "profile", StaffConductJson.Default.StaffProfile), r.Instant("valid_from"), r.Text("reason"), r.Text("changed_by"));

    private static DutyRecord Duty(LegacyRow r) => new(r.Text("staff_id"), Day(r, "date"), (DutyStatus)r.Number("status"), r.Text("note"),
        r.Instant("recorded_at"), (Window)r.Number("window_type"));

    private static Commitment Commitment(LegacyRow r) => new(r.Text("id"), r.Text("staff_id"), (Window)r.Number("window_type"), r.Text("text"),
        Day(r, "deadline"), r.Instant("published_at"),
        r["kept"] is null ? null : new CommitmentOutcome(r.Number("kept") != 0, r.Text("evidence"), r.Text("recorded_by"), r.Instant("recorded_at")));

    private static Designation Designation(LegacyRow r) => new(r.Text("id"), (DesignationKind)r.Number("kind"), (Window)r.Number("window_type"),
        r.Text("office_id"), r.Text("staff_id"), Day(r, "granted_on"), r.Text("grant_reason"), r.Text("granted_by"), r.Instant("recorded_at"),
        r["withdrawn_on"] is null ? null
            : new DesignationWithdrawal(Day(r, "withdrawn_on"), r.Text("withdrawal_reason"), r.Text("withdrawn_by"), r.Instant("withdrawn_at")));

    private static ConductRule Rule(LegacyRow r) => new(r.Text("id"), (ConductPart)r.Number("part"), r.Text("text"), r.Number("active") != 0,
        (int)r.Number("version"), r.Instant("updated_at"));

    private static Inspection Inspection(LegacyRow r) => new(r.Text("id"), r.Text("staff_id"), (Window)r.Number("window_type"), r.Text("rule_id"),
        (ConductPart)r.Number("part"), r.Text("rule_text"), (InspectionKind)r.Number("kind"), r.Text("inspector"), r.Text("evidence"),
        Day(r, "observed_on"), r.Instant("recorded_at"));

    private static Contest Contest(LegacyRow r) => new(r.Text("id"), r.Text("title"), (Window)r.Number("window_type"), Day(r, "held_on"),
        Real(r, "max_score"), r.Instant("created_at"), []);

    private static ContestScore Score(LegacyRow r) => new(r.Text("staff_id"), Real(r, "score"), r.Instant("recorded_at"));

    private static CaseReport CaseReport(LegacyRow r) => new(r.Text("event_id"), r.Text("staff_id"), (Window)r.Number("window_type"),
        Month.Parse(r.Text("month"), "month"), (int)r.Number("count"), r.Text("source"), r.Instant("received_at"));

    private static ServiceRating Rating(LegacyRow r) => new(r.Text("rating_id"), r.Text("staff_id"), (Window)r.Number("window_type"),
        (RatingLevel)r.Number("level"), Day(r, "rated_on"), r.TextOrNull("rectification_case_id"), r.Instant("recorded_at"));

    private static RectificationClosure Closure(LegacyRow r) => new(r.Text("case_id"), r.Text("staff_id"), r.Text("rating_id"),
        r.Number("on_time") != 0, (RectificationOutcome)r.Number("outcome"), Day(r, "closed_on"), r.Instant("recorded_at"));

    /// <summary>The eight-part content was one JSON column, as <see cref="Change"/>'s profile.</summary>
    private static ServiceItemVersion ItemVersion(LegacyRow r) => new(r.Text("item_id"), (Window)r.Number("window_type"), r.Text("office_id"),
        (int)r.Number("version"), Day(r, "effective_from"), Json(r, "content", StaffConductJson.Default.ServiceItemContent),
        r.Instant("published_at"), r.Text("published_by"));

    private static ServiceTimeRecord ServiceTime(LegacyRow r) => new(r.Text("event_id"), r.Text("item_id"), Day(r, "completed_on"),
        (int)r.Number("elapsed"), new TimeLimit((int)r.Number("promised_value"), (TimeLimitUnit)r.Number("promised_unit")), r.Instant("received_at"));


    private static DateOnly Day(LegacyRow r, string column) => DateOnly.ParseExact(r.Text(column), Dates.DateFormat, CultureInfo.InvariantCulture);

    private static double Real(LegacyRow r, string column) => Convert.ToDouble(r[column], CultureInfo.InvariantCulture);

    private static T Json<T>(LegacyRow r, string column, JsonTypeInfo<T> shape) =>
        JsonSerializer.Deserialize(r.Text(column), shape) ?? throw new InvalidDataException($"an earlier release's '{column}' holds no value");
}
