using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Idempotency;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>
/// The service started on a store file written by the release before documents (Fixtures/README.md says what it
/// holds) finds every record of it, history included, and sends the outbox messages that were still waiting.
/// </summary>
public sealed class EarlierReleaseImportTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "feedback-release-2026-11.db");

    private readonly FeedbackHost _host = new();
    private readonly V1.Feedback.FeedbackClient _client;

    public EarlierReleaseImportTests()
    {
        File.Copy(Fixture, _host.StorePath);
        _client = _host.Client();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Invitations_and_ratings_are_all_found_with_what_became_of_them()
    {
        var statuses = new List<InvitationStatus>();
        foreach (var id in new[] { "inv-01", "inv-02", "inv-03", "inv-04", "inv-05", "inv-06", "inv-07" })
            statuses.Add((await _client.GetInvitationAsync(new GetInvitationRequest { InvitationId = id })).Status);
        var ratings = _host.Services.GetRequiredService<Feedback.Domain.IRatingStore>();
        var found = new List<Feedback.Domain.Rating>();
        foreach (var id in new[] { "r-01", "r-02", "r-03", "r-04", "r-05", "r-06" }) found.Add((await ratings.FindAsync(id))!);

        Assert.Equal([InvitationStatus.Rated, InvitationStatus.Rated, InvitationStatus.Rated, InvitationStatus.Rated, InvitationStatus.Open,
            InvitationStatus.Expired, InvitationStatus.Rated], statuses);
        Assert.Equal(new Feedback.Domain.Rating("r-01", SharedKernel.Window.MarriageRegistration, "s-12", "marriage:cert:J110105-2026-000101",
            Feedback.Domain.RatingLevel.VerySatisfied, "很好", Feedback.Domain.RatingChannel.SmsLink, new DateTimeOffset(2026, 9, 28, 3, 0, 0, TimeSpan.Zero),
            new DateOnly(2026, 9, 28), "inv-01"), found[0]);
        Assert.Equal([false, false, true, false, false, false], found.Select(r => r.Voided));
        Assert.Equal((null, null, "还行"), (found[3].StaffId, found[5].InvitationId, found[5].Comment));
        // A producer's event delivered again finds the invitation of the earlier release; a service rated then is not rated again.
        var invitedAgain = await _client.CreateInvitationAsync(new CreateInvitationRequest
        {
            Window = WindowType.MarriageRegistration, StaffId = "s-12", ServiceReference = "marriage:cert:J110105-2026-000102", Channel = Channel.OnSitePad,
        });
        Assert.Equal("inv-02", invitedAgain.InvitationId);
        Assert.Equal(Feedback.Domain.AddOutcome.Duplicate, await ratings.AddAsync(found[1] with { Id = "r-again", InvitationId = null }));
    }

    [Fact]
    public async Task Cases_keep_their_whole_history_and_still_count()
    {
        var tracked = await _client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = "rc-r-02" });
        var appealed = await _client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = "rc-r-03" });
        var overdue = await _client.ListOverdueRectificationsAsync(new ListOverdueRectificationsRequest());
        var assistance = await _client.GetWindowStatisticsAsync(new GetWindowStatisticsRequest { Window = WindowType.SocialAssistance });

        Assert.Equal([CaseAction.Open, CaseAction.Verify, CaseAction.Track, CaseAction.CompleteFix, CaseAction.Reply, CaseAction.CallBack],
            tracked.Steps.Select(s => s.Action));
        Assert.Equal((CaseStage.Closed, CaseOutcome.Resolved, "2026-10-30", "2026-10-22", 6), (tracked.Stage, tracked.Outcome, tracked.Deadline,
            tracked.ClosedOn, tracked.Version));
        Assert.Equal(("已增开周六窗口", "clerk-12"), (tracked.Steps[3].Note, tracked.Steps[3].HandledBy));
        Assert.Equal((CaseOutcome.RatingVoided, 3), (appealed.Outcome, appealed.Steps.Count));
        var late = Assert.Single(overdue.Cases);
        Assert.Equal(("rc-r-04", true, CaseAction.Escalate), (late.CaseId, late.Overdue, late.Steps[^1].Action));
        // The voided rating no longer counts; its case does.
        Assert.Equal(2, assistance.Satisfaction.Total);
        Assert.Equal((1, 1, 1), (assistance.Rectification.Opened, assistance.Rectification.Closed, assistance.Rectification.ClosedOnTime));
    }

    [Fact]
    public async Task Suggestions_keep_their_entries_and_their_order_in_the_box()
    {
        var box = await _client.ListSuggestionsAsync(new ListSuggestionsRequest { Window = WindowType.MarriageRegistration });
        var funeral = await _client.GetSuggestionAsync(new GetSuggestionRequest { SuggestionId = "s-01" });

        // Newest first; s-02 and s-04 were dropped at the same moment: the later id first, as before.
        Assert.Equal(["s-03", "s-04", "s-02"], box.Suggestions.Select(s => s.SuggestionId));
        Assert.Equal((true, "与服务无关", ""), (box.Suggestions[0].Hidden, box.Suggestions[0].HiddenReason, box.Suggestions[0].Text));
        Assert.Equal(("李*", false), (box.Suggestions[2].MaskedName, box.Suggestions[2].Anonymous));
        Assert.Equal(("已添置座椅", true), (funeral.Replies.Single().Text, funeral.Anonymous));
    }

    [Fact]
    public async Task Questionnaires_evaluators_and_meetings_are_all_found()
    {
        var survey = await _client.GetQuestionnaireResultsAsync(new GetQuestionnaireResultsRequest { QuestionnaireId = "q-01" });
        var elderly = await _client.GetQuestionnaireResultsAsync(new GetQuestionnaireResultsRequest { QuestionnaireId = "q-01", Window = WindowType.ElderlyCare });
        var marriage = await _client.GetQuestionnaireAsync(new GetQuestionnaireRequest { QuestionnaireId = "q-02" });
        var serving = await _client.ListEvaluatorsAsync(new ListEvaluatorsRequest { InTermOn = "2026-11-02" });
        var former = await _client.ListEvaluatorsAsync(new ListEvaluatorsRequest { InTermOn = "2025-06-01" });
        var reports = new List<InspectionReport>();
        foreach (var window in new[] { WindowType.ElderlyCare, WindowType.MarriageRegistration, WindowType.PlaceNames })
            reports.AddRange((await _client.ListInspectionReportsAsync(new ListInspectionReportsRequest { Window = window })).Reports);
        var meetings = await _client.ListAppraisalMeetingsAsync(new ListAppraisalMeetingsRequest());
        var scores = await _client.GetWindowStatisticsAsync(new GetWindowStatisticsRequest { Window = WindowType.ElderlyCare });

        Assert.Equal((3, 3, 7.0), (survey.Responses, survey.Questions[2].Answers, survey.Questions[2].AverageScore));
        Assert.Equal((2, 4.5), (elderly.Responses, elderly.Questions[0].AverageScore));
        Assert.Equal(("婚姻登记窗口测评", WindowType.MarriageRegistration, "颁证仪式"), (marriage.Title, marriage.Window, marriage.Questions.Single().Text));
        Assert.Equal(["ev-01"], serving.Evaluators.Select(e => e.EvaluatorId));
        Assert.Equal(("孙*", ""), (former.Evaluators.Single().MaskedName, former.Evaluators.Single().Affiliation));
        Assert.Equal(["ir-01", "ir-02", "ir-03"], reports.Select(r => r.ReportId));
        Assert.Equal(["am-02", "am-01"], meetings.Meetings.Select(m => m.MeetingId));
        Assert.Equal(["周*勇", "吴*"], meetings.Meetings[1].Attendees.Select(a => a.MaskedName));
        Assert.Equal((2, 85.0), (scores.Appraisal.Meetings, scores.Appraisal.AverageScore));
    }

    [Fact]
    public async Task Outbox_messages_still_waiting_are_sent_and_delivered_ones_are_not_sent_again()
    {
        var sent = await _host.Events.AtLeastAsync(5);

        Assert.Equal([("r-03", "RecordRating"), ("r-05", "RecordRating"), ("r-06", "RecordRating"), ("r-02", "RecordRectificationClosed"),
            ("r-03", "RecordRectificationClosed")], sent.Select(m => (m.AggregateId, m.Method.Split('/')[^1])));
    }

    [Fact]
    public async Task The_import_runs_once_and_keeps_the_earlier_tables()
    {
        using var directory = new TempDirectory();
        var path = directory.File("feedback.db");
        File.Copy(Fixture, path);
        using var store = new SqliteDocumentStore(path);
        await store.InitializeAsync([.. FeedbackDocuments.All, OutboxRecords.Collection, IdempotencyRecords.Collection]);

        await new EarlierReleaseImport().MigrateAsync(store, CancellationToken.None);
        await new EarlierReleaseImport().MigrateAsync(store, CancellationToken.None);

        Assert.Equal(6, await store.CountAsync(FeedbackDocuments.Ratings, DocumentQuery.All));
        Assert.Equal(12, (await store.FindAsync(FeedbackDocuments.Cases, DocumentQuery.All)).Sum(c => c.Document.Steps.Count));
        Assert.Equal(0, await store.ImportLegacyAsync("ratings", _ => throw new InvalidOperationException("imported twice")));
    }
}
