using CivilAffairs.SocialAssistance.V1;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>The service counts working days on the platform's one official calendar (issue 17), no list of its own.</summary>
public sealed class OfficialCalendarTests() : DatedHostTests(new DateOnly(2026, 2, 13))
{
    [Fact]
    public async Task The_refusal_notice_of_Friday_13_February_2026_is_due_on_25_February()
    {
        var (_, submitted) = await Steps.SubmittedAsync();

        var refused = await Host.Client.RefuseApplicationAsync(new RefuseApplicationRequest
        {
            ApplicationId = submitted.ApplicationId, StaffId = StaffConductServer.Clerk, Reasons = "家庭存款超过当地标准",
        });

        // 14 February is a Saturday worked (调休); 15-23 February is the Spring Festival.
        Assert.Equal("2026-02-25", refused.Refusal.NotifyBy);
        Host.SetToday(new DateOnly(2026, 2, 25));
        Assert.DoesNotContain((await Host.Client.ListOverdueApplicationsAsync(new ListOverdueApplicationsRequest())).Applications,
            a => a.ApplicationId == submitted.ApplicationId);
        Host.SetToday(new DateOnly(2026, 2, 26));
        Assert.Contains((await Host.Client.ListOverdueApplicationsAsync(new ListOverdueApplicationsRequest())).Applications,
            a => a.ApplicationId == submitted.ApplicationId);
    }

    [Fact]
    public async Task A_temporary_assistance_refused_on_13_February_2026_is_notified_by_25_February()
    {
        var household = await Host.RegisterAsync();
        var applied = await Host.Client.ApplyTemporaryAssistanceAsync(new ApplyTemporaryAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 100_000, Reason = "子女大病住院", StaffId = StaffConductServer.Clerk,
        });

        var refused = await Host.Client.RefuseTemporaryAssistanceAsync(new RefuseTemporaryAssistanceRequest
        {
            CaseId = applied.CaseId, StaffId = StaffConductServer.Approver, Reasons = "医疗费用已由医保全额报销",
        });

        Assert.Equal((SupportStatus.SupportRefused, "2026-02-25", "2026-02-13"), (refused.Status, refused.RefusalNotifyBy, refused.RefusedOn));
    }
}
