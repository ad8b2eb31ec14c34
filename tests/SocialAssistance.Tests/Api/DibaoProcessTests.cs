using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.SocialAssistance.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

public sealed class DibaoProcessTests : FreshHostTests
{
    [Fact]
    public async Task A_household_goes_from_application_through_posting_and_objection_to_an_active_case()
    {
        var request = AssistanceHost.Couple(headIncomeFen: 50_000, spouseIncomeFen: 0);
        var (household, submitted) = await Steps.SubmittedAsync(request);

        var posted = await Steps.PostedAsync(submitted.ApplicationId, 50_000, 0);

        Assert.Equal(ApplicationStatus.Posted, posted.Status);
        Assert.Equal((true, 2 * AssistanceHost.Standard - 50_000, 25_000L), (posted.MeansTest.Eligible, posted.MeansTest.MonthlyBenefitFen, posted.MeansTest.PerCapitaIncomeFen));
        Assert.Equal(("2026-11-02", "2026-11-08", "2026-11-20"), (posted.Posting.StartsOn, posted.Posting.EndsOn, posted.ConfirmBy));

        var list = await Host.Client.ListPublicPostingsAsync(new ListPublicPostingsRequest { CountyCode = "110105" });
        var line = Assert.Single(list.Postings, p => p.ApplicationId == submitted.ApplicationId);
        Assert.Equal(("王*国", 2, 2 * AssistanceHost.Standard - 50_000), (line.Head.MaskedName, line.MemberCount, line.MonthlyBenefitFen));
        Assert.DoesNotContain(request.Members[0].IdNumber, JsonFormatter.Default.Format(list));
        Assert.StartsWith(request.Members[0].IdNumber[..6], line.Head.MaskedIdNumber);

        var objection = await Host.Client.LodgeObjectionAsync(new LodgeObjectionRequest { ApplicationId = submitted.ApplicationId, Text = "他家儿子在城里有工作" });
        await Host.Client.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            ApplicationId = submitted.ApplicationId, ObjectionId = objection.ObjectionId, StaffId = StaffConductServer.Clerk,
            Resolution = "核实: 儿子已分户, 不计入本户", Upheld = false,
        });
        Host.SetToday(new DateOnly(2026, 11, 9));

        var active = await Steps.ConfirmAsync(submitted.ApplicationId);

        Assert.Equal(ApplicationStatus.Active, active.Status);
        Assert.Equal(2 * AssistanceHost.Standard - 50_000, active.MonthlyBenefitFen);
        Assert.Equal(("2026-12", ReviewCategory.Quarterly, "2027-02-09"), (active.BenefitStartMonth, active.ReviewCategory, active.NextReviewDue));
        Assert.Equal(["accepted", "caseworker-assigned", "investigated", "posted", "objection-lodged", "objection-dismissed", "confirmed"],
            active.History.Select(e => e.Action));
        Assert.DoesNotContain((await Host.Client.ListPublicPostingsAsync(new ListPublicPostingsRequest { CountyCode = "110105" })).Postings,
            p => p.ApplicationId == submitted.ApplicationId);
        Assert.Equal(household.HouseholdId, (await Host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId })).HouseholdId);
    }

    [Fact]
    public async Task A_skipped_step_is_refused_naming_the_current_state_and_changes_nothing()
    {
        var (_, submitted) = await Steps.SubmittedAsync();
        await Steps.AcceptedAsync(submitted.ApplicationId);

        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.RecordCommunityReviewAsync(new RecordCommunityReviewRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Caseworker, HeldOn = "2026-11-02", Attendees = 5, VotesFor = 5,
        }).ResponseAsync);

        Assert.Equal("illegal-transition", error.Rule());
        Assert.Contains("ACCEPTED", error.Status.Detail);
        var unchanged = await Host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId });
        Assert.Equal((ApplicationStatus.Accepted, 2), (unchanged.Status, unchanged.Version));
    }

    [Fact]
    public async Task Only_staff_of_the_social_assistance_window_may_act()
    {
        var (_, submitted) = await Steps.SubmittedAsync();

        var wrongWindow = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.AcceptApplicationAsync(
            new AcceptApplicationRequest { ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.MarriageClerk }).ResponseAsync);
        Assert.Equal("wrong-window", wrongWindow.Rule());
        await RpcAssert.Fails(StatusCode.NotFound, () => Host.Client.AcceptApplicationAsync(
            new AcceptApplicationRequest { ApplicationId = submitted.ApplicationId, StaffId = "sc_nobody" }).ResponseAsync);
        var missing = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.AcceptApplicationAsync(
            new AcceptApplicationRequest { ApplicationId = submitted.ApplicationId }).ResponseAsync);
        Assert.Equal(["staff_id"], missing.Fields());

        Assert.Equal(ApplicationStatus.Submitted, (await Host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId })).Status);
    }

    [Fact]
    public async Task The_investigation_needs_one_verified_income_per_member()
    {
        var (_, submitted) = await Steps.SubmittedAsync();
        await Steps.InvestigatingAsync(submitted.ApplicationId);
        var request = new RecordInvestigationRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Caseworker, VisitedOn = "2026-11-02", VisitNotes = "",
            VerifiedMonthlyIncomesFen = { 10_000 },
        };

        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RecordInvestigationAsync(request).ResponseAsync);

        Assert.Equal(["visit_notes", "verified_monthly_incomes_fen"], error.Fields());
    }

    [Fact]
    public async Task Income_at_the_standard_is_found_ineligible_and_cannot_be_posted()
    {
        var (_, submitted) = await Steps.SubmittedAsync();
        var investigated = await Steps.InvestigatedAsync(submitted.ApplicationId, AssistanceHost.Standard, AssistanceHost.Standard);
        Assert.False(investigated.MeansTest.Eligible);
        Assert.False(investigated.MeansTest.IncomeBelowStandard);

        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.RecordCommunityReviewAsync(new RecordCommunityReviewRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Caseworker, HeldOn = "2026-11-02", Attendees = 5, VotesFor = 5,
        }).ResponseAsync);

        Assert.Equal("not-eligible", error.Rule());
        var refused = await Host.Client.RefuseApplicationAsync(new RefuseApplicationRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Clerk, Reasons = "家庭人均收入不低于当地低保标准",
        });
        Assert.Equal((ApplicationStatus.Refused, "2026-11-05"), (refused.Status, refused.Refusal.NotifyBy));
    }

    [Fact]
    public async Task A_confirmation_after_the_tenth_working_day_is_shown_overdue_to_operators_and_still_made()
    {
        var (_, submitted) = await Steps.SubmittedAsync(AssistanceHost.Couple(0, 0));
        await Steps.PostedAsync(submitted.ApplicationId, 0, 0);
        Host.SetToday(new DateOnly(2026, 11, 24));
        var overdue = await Host.Client.ListOverdueApplicationsAsync(new ListOverdueApplicationsRequest());
        var entry = Assert.Single(overdue.Applications, a => a.ApplicationId == submitted.ApplicationId);
        Assert.Equal(("2026-11-20", 2, ApplicationStatus.Posted), (entry.DueOn, entry.WorkingDaysOverdue, entry.Status));
        Assert.True((await Host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId })).Overdue);

        var confirmed = await Steps.ConfirmAsync(submitted.ApplicationId);

        Assert.Equal((ApplicationStatus.Active, "2026-12", 2 * AssistanceHost.Standard), (confirmed.Status, confirmed.BenefitStartMonth, confirmed.MonthlyBenefitFen));
        Assert.Equal("confirmed 2 working day(s) after it was due on 2026-11-20", confirmed.History[^1].Note);
        Assert.DoesNotContain((await Host.Client.ListOverdueApplicationsAsync(new ListOverdueApplicationsRequest())).Applications,
            a => a.ApplicationId == submitted.ApplicationId);
    }

    [Fact]
    public async Task A_retried_step_with_its_key_replays_instead_of_failing_as_an_illegal_transition()
    {
        var (_, submitted) = await Steps.SubmittedAsync();
        var accept = new AcceptApplicationRequest { ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Clerk, IdempotencyKey = "acc-" + Guid.NewGuid() };

        var first = await Host.Client.AcceptApplicationAsync(accept);
        var retry = await Host.Client.AcceptApplicationAsync(accept);

        Assert.Equal((ApplicationStatus.Accepted, first.Version), (retry.Status, retry.Version));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Steps.AcceptedAsync(submitted.ApplicationId));
    }

    [Fact]
    public async Task The_overdue_list_and_steps_answer_over_rest()
    {
        var (_, submitted) = await Steps.SubmittedAsync();
        var http = Host.CreateClient();
        var accepted = await http.PostAsJsonAsync($"/api/assistance/v1/applications/{submitted.ApplicationId}/accept", new { staffId = StaffConductServer.Clerk });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var again = await http.PostAsJsonAsync($"/api/assistance/v1/applications/{submitted.ApplicationId}/accept", new { staffId = StaffConductServer.Clerk });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // FAILED_PRECONDITION, as transcoding maps it
        Assert.Contains("ACCEPTED", await again.Content.ReadAsStringAsync());

        Host.SetToday(new DateOnly(2026, 12, 10)); // 25 working days from 2 Nov end on 7 Dec
        var overdue = await http.GetFromJsonAsync<JsonElement>("/api/assistance/v1/overdue-applications");

        var entry = overdue.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("applicationId").GetString() == submitted.ApplicationId);
        Assert.Equal("2026-12-07", entry.GetProperty("dueOn").GetString());
        Assert.Equal(3, entry.GetProperty("workingDaysOverdue").GetInt32());
    }
}
