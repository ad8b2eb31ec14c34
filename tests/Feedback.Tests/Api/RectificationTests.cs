using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

public sealed class RectificationTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly V1.Feedback.FeedbackClient _client = host.Client();

    private Task<RectificationCase> StepAsync(string caseId, CaseAction action, bool satisfied = false, int expectedVersion = 0,
        string? key = null, string by = "clerk-9") =>
        _client.RecordRectificationStepAsync(new RecordRectificationStepRequest
        {
            CaseId = caseId, Action = action, HandledBy = by, Note = $"{action} done", CitizenSatisfied = satisfied,
            ExpectedVersion = expectedVersion, IdempotencyKey = key ?? "",
        }).ResponseAsync;

    [Fact]
    public async Task A_very_dissatisfied_rating_opens_a_case_assigned_to_its_window_with_a_working_day_deadline()
    {
        var rating = await _client.InviteAndRateAsync(WindowType.ElderlyCare, "rect:1", RatingLevel.VeryDissatisfied, "staff-e");

        var opened = await _client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = rating.RectificationCaseId });

        Assert.Equal(rating.RatingId, opened.RatingId);
        Assert.Equal(WindowType.ElderlyCare, opened.Window);
        Assert.Equal("staff-e", opened.StaffId);
        Assert.Equal(CaseStage.Open, opened.Stage);
        Assert.Equal("2026-11-02", opened.OpenedOn);
        Assert.Equal("2026-11-09", opened.Deadline); // Monday + 5 working days
        Assert.False(opened.Overdue);
        Assert.Equal(CaseAction.Open, opened.Steps.Single().Action);
        var published = await _client.ListRectificationsAsync(new ListRectificationsRequest { Window = WindowType.ElderlyCare });
        Assert.Contains(published.Cases, c => c.CaseId == opened.CaseId);
    }

    [Fact]
    public async Task Staff_conduct_hears_of_the_bad_rating_and_then_of_its_case_closing()
    {
        var rating = await _client.InviteAndRateAsync(WindowType.ChildWelfare, "rect:events", RatingLevel.Dissatisfied, "staff-ev");
        var id = rating.RectificationCaseId;
        foreach (var action in new[] { CaseAction.Verify, CaseAction.Explain, CaseAction.Reply })
            await StepAsync(id, action);
        var closing = await StepAsync(id, CaseAction.CallBack, satisfied: false, key: "close-ev");
        var retried = await StepAsync(id, CaseAction.CallBack, satisfied: false, key: "close-ev");

        Assert.Equal((closing.Version, 1), (retried.Version, retried.Steps.Count(s => s.Action == CaseAction.CallBack)));
        var sent = await host.Events.AboutAsync(rating.RatingId, 2);

        Assert.Equal(["/civilaffairs.staffconduct.v1.StaffConduct/RecordRating", "/civilaffairs.staffconduct.v1.StaffConduct/RecordRectificationClosed"],
            sent.Select(e => e.Method));
        var recorded = StaffConduct.V1.RecordRatingRequest.Parser.ParseFrom(sent[0].Payload);
        Assert.Equal(("staff-ev", RatingLevel.Dissatisfied, id), (recorded.StaffId, recorded.Level, recorded.RectificationCaseId));
        var closed = StaffConduct.V1.RecordRectificationClosedRequest.Parser.ParseFrom(sent[1].Payload);
        Assert.Equal((id, "staff-ev", CaseOutcome.Unresolved, true), (closed.CaseId, closed.StaffId, closed.Outcome, closed.OnTime));
    }

    [Fact]
    public async Task The_whole_workflow_closes_the_case_and_every_step_is_history()
    {
        var rating = await _client.InviteAndRateAsync(WindowType.ChildWelfare, "rect:2", RatingLevel.Dissatisfied);
        var id = rating.RectificationCaseId;

        await StepAsync(id, CaseAction.Verify);
        await StepAsync(id, CaseAction.Track);
        await StepAsync(id, CaseAction.CompleteFix);
        await StepAsync(id, CaseAction.Reply);
        var closed = await StepAsync(id, CaseAction.CallBack, satisfied: true);

        Assert.Equal(CaseStage.Closed, closed.Stage);
        Assert.Equal(CaseOutcome.Resolved, closed.Outcome);
        Assert.Equal("2026-11-02", closed.ClosedOn);
        Assert.Equal("2026-11-23", closed.Deadline); // tracked: 15 working days
        Assert.Equal(
            [CaseAction.Open, CaseAction.Verify, CaseAction.Track, CaseAction.CompleteFix, CaseAction.Reply, CaseAction.CallBack],
            closed.Steps.Select(s => s.Action));
        Assert.All(closed.Steps.Skip(1), s => Assert.Equal("clerk-9", s.HandledBy));
    }

    [Fact]
    public async Task A_step_out_of_order_or_on_a_stale_version_is_a_failed_precondition_with_its_rule()
    {
        var rating = await _client.InviteAndRateAsync(WindowType.ChildWelfare, "rect:3", RatingLevel.Dissatisfied);

        var early = await Errors.RefusedAsync(StatusCode.FailedPrecondition, () => StepAsync(rating.RectificationCaseId, CaseAction.Reply));
        await StepAsync(rating.RectificationCaseId, CaseAction.Verify, expectedVersion: 1);
        var stale = await Errors.RefusedAsync(StatusCode.FailedPrecondition,
            () => StepAsync(rating.RectificationCaseId, CaseAction.FixNow, expectedVersion: 1));

        Assert.Equal("case-step-out-of-order", early.Rule());
        Assert.Equal("case-changed", stale.Rule());
    }

    [Fact]
    public async Task A_retried_step_is_recorded_once()
    {
        var rating = await _client.InviteAndRateAsync(WindowType.ChildWelfare, "rect:4", RatingLevel.Dissatisfied);

        await StepAsync(rating.RectificationCaseId, CaseAction.Verify, key: "step-1");
        var again = await StepAsync(rating.RectificationCaseId, CaseAction.Verify, key: "step-1");

        Assert.Equal(2, again.Steps.Count);
    }

    [Fact]
    public async Task An_upheld_appeal_takes_the_rating_out_of_the_satisfaction_figures()
    {
        await _client.InviteAndRateAsync(WindowType.SocialOrganizations, "rect:5a", RatingLevel.Satisfied);
        var malicious = await _client.InviteAndRateAsync(WindowType.SocialOrganizations, "rect:5b", RatingLevel.VeryDissatisfied);
        var summary = new GetSatisfactionSummaryRequest { Window = WindowType.SocialOrganizations };
        Assert.Equal(0.5, (await _client.GetSatisfactionSummaryAsync(summary)).SatisfactionRate);

        await StepAsync(malicious.RectificationCaseId, CaseAction.Appeal);
        var decided = await StepAsync(malicious.RectificationCaseId, CaseAction.UpholdAppeal, by: "supervisor-1");

        Assert.Equal(CaseOutcome.RatingVoided, decided.Outcome);
        var after = await _client.GetSatisfactionSummaryAsync(summary);
        Assert.Equal(1, after.Total);
        Assert.Equal(1.0, after.SatisfactionRate);
        Assert.Equal(1, after.WithdrawnOnAppeal);
        var staff = await _client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "staff-1" });
        Assert.True(staff.WithdrawnOnAppeal >= 1);
    }

    [Fact]
    public async Task An_appeal_is_refused_when_the_rated_clerk_or_the_appellant_reviews_it_and_the_rating_still_counts()
    {
        var rating = await _client.InviteAndRateAsync(WindowType.VagrantRelief, "rect:7", RatingLevel.VeryDissatisfied, "clerk-wang");
        var id = rating.RectificationCaseId;
        await StepAsync(id, CaseAction.Appeal, by: "chief-zhao");

        var byRated = await Errors.RefusedAsync(StatusCode.FailedPrecondition, () => StepAsync(id, CaseAction.UpholdAppeal, by: "clerk-wang"));
        var byAppellant = await Errors.RefusedAsync(StatusCode.FailedPrecondition, () => StepAsync(id, CaseAction.RejectAppeal, by: "chief-zhao"));

        Assert.Equal("appeal-reviewed-by-another-person", byRated.Rule());
        Assert.Equal("appeal-reviewed-by-another-person", byAppellant.Rule());
        var unchanged = await _client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = id });
        Assert.Equal((CaseStage.AppealPending, 2), (unchanged.Stage, unchanged.Steps.Count));
        var figures = await _client.GetSatisfactionSummaryAsync(new GetSatisfactionSummaryRequest { Window = WindowType.VagrantRelief });
        Assert.Equal((1, 0), (figures.Total, figures.WithdrawnOnAppeal));
    }

    [Fact]
    public async Task Over_rest_a_step_posts_to_the_case_and_bad_input_is_400_or_404()
    {
        using var http = host.CreateClient();
        var rating = await _client.InviteAndRateAsync(WindowType.PlaceNames, "rect:6", RatingLevel.Dissatisfied);

        var verified = await http.PostAsJsonAsync($"/api/feedback/v1/rectifications/{rating.RectificationCaseId}/steps",
            new { action = "CASE_ACTION_VERIFY", handledBy = "clerk-rest", note = "回访核实" });
        var noHandler = await http.PostAsJsonAsync($"/api/feedback/v1/rectifications/{rating.RectificationCaseId}/steps",
            new { action = "CASE_ACTION_FIX_NOW", note = "已整改" });
        var unknown = await http.GetAsync("/api/feedback/v1/rectifications/rc-unknown");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("CASE_STAGE_VERIFIED", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        Assert.Equal(["handled_by"], await noHandler.RefusedAsync(HttpStatusCode.BadRequest));
        await unknown.RefusedAsync(HttpStatusCode.NotFound);
    }
}
