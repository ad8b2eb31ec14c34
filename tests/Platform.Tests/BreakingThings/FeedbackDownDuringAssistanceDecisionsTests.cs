using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.TestSupport;
using Grpc.Net.Client;
using AssistanceClient = CivilAffairs.SocialAssistance.V1.SocialAssistance.SocialAssistanceClient;
using StaffConductClient = CivilAffairs.StaffConduct.V1.StaffConduct.StaffConductClient;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>
/// Social assistance, staff-conduct and feedback as real processes. Feedback is down while caseworkers decide cases
/// that complete a service (emergency payments, notified refusals, extreme-poverty support); no decision fails for
/// it, staff-conduct counts every case for the staff member who decided it meanwhile (one consumer down delays only
/// its own events), and when feedback comes back every household's rating invitation arrives exactly once.
/// </summary>
public sealed class FeedbackDownDuringAssistanceDecisionsTests : IAsyncLifetime
{
    private const int Emergencies = 6;
    private const int Refusals = 4;
    private const int ExtremePoverty = 2;
    private const int Decisions = Emergencies + Refusals + ExtremePoverty;
    private readonly ServiceProcesses _services = new();
    private HttpClient _http => field ??= _services.Client();

    public Task InitializeAsync() => _services.StartAsync("staff-conduct", "social-assistance");

    [Fact]
    public async Task Decisions_made_while_feedback_is_down_each_get_their_invitation_once_and_every_case_is_counted()
    {
        var clerk = await RegisterStaffAsync("SA-0001", "王受理");
        var caseworker = await RegisterStaffAsync("SA-0002", "李救助");
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var channel = _services.Channel("social-assistance");
        var assistance = new AssistanceClient(channel);
        var references = new List<string>();

        for (var i = 0; i < Emergencies; i++)
        {
            var household = await assistance.RegisterHouseholdAsync(Household(("王建国", IdNumbers.Man(50)), ("刘秀英", IdNumbers.Woman(48))));
            var paid = await assistance.GrantEmergencyAssistanceAsync(new GrantEmergencyAssistanceRequest
            {
                HouseholdId = household.HouseholdId, AmountFen = 100_000, Reason = "房屋失火, 基本生活陷入困境", StaffId = clerk,
            });
            references.Add($"assistance:emergency:{paid.CaseId}");
        }
        for (var i = 0; i < Refusals; i++)
        {
            var household = await assistance.RegisterHouseholdAsync(Household(("赵家强", IdNumbers.Man(40))));
            var application = await assistance.SubmitDibaoApplicationAsync(new SubmitDibaoApplicationRequest
            {
                HouseholdId = household.HouseholdId, ApplicantKind = ApplicantKind.Household, Reason = "失业",
            });
            await assistance.RefuseApplicationAsync(new RefuseApplicationRequest
            {
                ApplicationId = application.ApplicationId, StaffId = caseworker, Reasons = "家庭人均收入不低于当地低保标准",
            });
            await assistance.RecordRefusalNoticeAsync(new RecordRefusalNoticeRequest { ApplicationId = application.ApplicationId, StaffId = caseworker });
            references.Add($"assistance:dibao-refused:{application.ApplicationId}");
        }
        for (var i = 0; i < ExtremePoverty; i++)
        {
            var request = Household(("孙老汉", IdNumbers.Man(75)));
            request.Members[0].WorkCapacity = WorkCapacity.None;
            var household = await assistance.RegisterHouseholdAsync(request);
            var approved = await assistance.ApplyExtremePovertyAsync(new ApplyExtremePovertyRequest
            {
                HouseholdId = household.HouseholdId, MemberIndex = 0, CareMode = CareMode.Home, StaffId = clerk,
            });
            references.Add($"assistance:extreme-poverty:{approved.CaseId}");
        }

        // Feedback being down holds back only feedback's events: every case report reaches staff-conduct meanwhile,
        // and only the invitations wait.
        var waiting = await _http.WaitForBacklogAsync(_services.Management("social-assistance"), Decisions, TimeSpan.FromSeconds(60));
        Assert.Equal(Decisions, waiting.GetProperty("backlog").GetInt32());
        Assert.Equal((Emergencies + ExtremePoverty, Refusals), await CasesHandledAsync(month, clerk, caseworker));

        await _services.StartAsync("feedback");
        var drained = await WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(120));
        Assert.True(drained.GetProperty("backlog").GetInt32() == 0, drained.ToString());
        Assert.Empty(drained.GetProperty("deadLetters").EnumerateArray());

        Assert.Equal(references.Order(), (await InvitationReferencesAsync()).Order());

        Assert.Equal((Emergencies + ExtremePoverty, Refusals), await CasesHandledAsync(month, clerk, caseworker));
    }

    private async Task<(int Clerk, int Caseworker)> CasesHandledAsync(string month, string clerk, string caseworker)
    {
        using var staffChannel = _services.Channel("staff-conduct");
        var staffConduct = new StaffConductClient(staffChannel);
        var ranking = await staffConduct.GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.SocialAssistance, Month = month });
        var handled = ranking.Lines.ToDictionary(l => l.Staff.StaffId, l => l.Figures.CasesHandled);
        return (handled[clerk], handled[caseworker]);
    }

    private static RegisterHouseholdRequest Household(params (string Name, string IdNumber)[] members)
    {
        var request = new RegisterHouseholdRequest { CountyCode = "110105", Address = "朝阳区幸福路 8 号" };
        request.Members.AddRange(members.Select((m, i) => new MemberInput
        {
            Name = m.Name, IdNumber = m.IdNumber, Relation = i == 0 ? Relation.Head : Relation.Spouse, MonthlyIncomeFen = 0,
            WorkCapacity = WorkCapacity.Full, Health = HealthCondition.Healthy,
        }));
        return request;
    }

    private async Task<string> RegisterStaffAsync(string badge, string name)
    {
        var response = await _http.PostAsJsonAsync($"{_services.Http("staff-conduct")}/api/staff/v1/staff", new
        {
            name, badgeNumber = badge, photoUrl = $"https://example.org/photos/{badge}.jpg", window = "SOCIAL_ASSISTANCE",
            officeId = "chaoyang-1", post = "社会救助经办员", duties = new[] { "低保审核", "临时救助" }, partyMember = false,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("staffId").GetString()!;
    }

    private Task<JsonElement> OutboxAsync() => _http.OutboxAsync(_services.Management("social-assistance"));

    private Task<JsonElement> WaitForEmptyOutboxAsync(TimeSpan timeout) => _http.WaitForEmptyOutboxAsync(_services.Management("social-assistance"), timeout);

    private Task<List<string>> InvitationReferencesAsync() => OutboxProbe.InvitationReferencesAsync(_services.Store("feedback"));

    public Task DisposeAsync()
    {
        _services.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }
}
