using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.V1;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.TestSupport;
using Grpc.Net.Client;
using FeedbackClient = CivilAffairs.Feedback.V1.Feedback.FeedbackClient;
using StaffConductClient = CivilAffairs.StaffConduct.V1.StaffConduct.StaffConductClient;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>
/// Feedback and staff-conduct as real processes. Staff-conduct is down while citizens rate a clerk (good and bad
/// ratings) and a complaint's rectification is closed; no rating or step fails for it, and when staff-conduct comes
/// back the clerk's conduct record shows exactly the complaints and the closure, each once.
/// </summary>
public sealed class StaffConductDownDuringRatingsTests : IAsyncLifetime
{
    private readonly ServiceProcesses _services = new();
    private HttpClient _http => field ??= _services.Client();

    public Task InitializeAsync() => _services.StartAsync("feedback", "staff-conduct");

    [Fact]
    public async Task Ratings_and_a_closure_given_while_staff_conduct_is_down_reach_the_conduct_record_once_each()
    {
        var clerk = await RegisterStaffAsync("MR-0101", "张登记");
        _services.Kill("staff-conduct");

        using var channel = _services.Channel("feedback");
        var feedback = new FeedbackClient(channel);
        foreach (var (level, n) in new[] { RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.BasicallySatisfied }.Select((l, i) => (l, i)))
            await RateAsync(feedback, clerk, $"marriage:registration:good-{n}", level);
        var settled = await RateAsync(feedback, clerk, "marriage:registration:bad-1", RatingLevel.Dissatisfied);
        var open = await RateAsync(feedback, clerk, "marriage:registration:bad-2", RatingLevel.VeryDissatisfied);
        foreach (var action in new[] { CaseAction.Verify, CaseAction.FixNow, CaseAction.Reply, CaseAction.CallBack })
        {
            await feedback.RecordRectificationStepAsync(new RecordRectificationStepRequest
            {
                CaseId = settled.RectificationCaseId, Action = action, HandledBy = "supervisor-1", Note = $"{action}: 已电话回访",
                CitizenSatisfied = true,
            });
        }

        // Five ratings and one closure wait; the closure waits behind the rating that opened its case.
        var waiting = await _http.OutboxAsync(_services.Management("feedback"));
        Assert.Equal(6, waiting.GetProperty("backlog").GetInt32());

        await _services.StartAsync("staff-conduct");
        var drained = await _http.WaitForEmptyOutboxAsync(_services.Management("feedback"), TimeSpan.FromSeconds(120));
        Assert.True(drained.GetProperty("backlog").GetInt32() == 0, drained.ToString());
        Assert.Empty(drained.GetProperty("deadLetters").EnumerateArray());

        using var staffChannel = _services.Channel("staff-conduct");
        var record = await new StaffConductClient(staffChannel).GetConductRecordAsync(new GetConductRecordRequest { StaffId = clerk });
        Assert.Equal(2, record.Complaints);
        Assert.Equal(new[] { settled.RatingId, open.RatingId }.Order(), record.ComplaintEntries.Select(c => c.RatingId).Order());
        var closed = Assert.Single(record.ComplaintEntries, c => c.Closure is not null);
        Assert.Equal((settled.RatingId, settled.RectificationCaseId, CaseOutcome.Resolved, true),
            (closed.RatingId, closed.Closure.CaseId, closed.Closure.Outcome, closed.Closure.OnTime));
        var stillOpen = Assert.Single(record.ComplaintEntries, c => c.Closure is null);
        Assert.Equal((open.RectificationCaseId, RatingLevel.VeryDissatisfied), (stillOpen.RectificationCaseId, stillOpen.Level));
    }

    private static async Task<Rating> RateAsync(FeedbackClient feedback, string staff, string reference, RatingLevel level)
    {
        var invitation = await feedback.CreateInvitationAsync(new CreateInvitationRequest
        {
            Window = WindowType.MarriageRegistration, StaffId = staff, ServiceReference = reference, Channel = Channel.OnSitePad,
        });
        return await feedback.RateServiceAsync(new RateServiceRequest { InvitationId = invitation.InvitationId, Level = level });
    }

    private async Task<string> RegisterStaffAsync(string badge, string name)
    {
        var response = await _http.PostAsJsonAsync($"{_services.Http("staff-conduct")}/api/staff/v1/staff", new
        {
            name, badgeNumber = badge, photoUrl = $"https://example.org/photos/{badge}.jpg", window = "MARRIAGE_REGISTRATION",
            officeId = "chaoyang-1", post = "婚姻登记员", duties = new[] { "结婚登记", "离婚登记" }, partyMember = true,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("staffId").GetString()!;
    }

    public Task DisposeAsync()
    {
        _services.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }
}
