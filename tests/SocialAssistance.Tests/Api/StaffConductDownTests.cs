using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Its own host: the staff-conduct server is stopped here.</summary>
public sealed class StaffConductDownTests(AssistanceHost host) : IClassFixture<AssistanceHost>
{
    [Fact]
    public async Task When_staff_conduct_is_down_a_step_fails_unavailable_and_nothing_is_written()
    {
        var steps = new CaseSteps(host);
        var (_, submitted) = await steps.SubmittedAsync();
        await host.Staff.StopAsync();

        await RpcAssert.Fails(StatusCode.Unavailable, () => steps.AcceptedAsync(submitted.ApplicationId));

        var unchanged = await host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId });
        Assert.Equal((ApplicationStatus.Submitted, 1, 0), (unchanged.Status, unchanged.Version, unchanged.History.Count));
    }

    [Fact]
    public async Task When_staff_conduct_is_down_no_emergency_payment_is_made()
    {
        var household = await host.RegisterAsync();
        await host.Staff.StopAsync();

        await RpcAssert.Fails(StatusCode.Unavailable, () => host.Client.GrantEmergencyAssistanceAsync(new GrantEmergencyAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 10_000, Reason = "火灾", StaffId = StaffConductServer.Clerk,
        }).ResponseAsync);

        Assert.Empty((await host.Client.ListHouseholdPaymentsAsync(new ListHouseholdPaymentsRequest { HouseholdId = household.HouseholdId })).Payments);
        Assert.Empty((await host.Client.ListPendingPaperworkAsync(new ListPendingPaperworkRequest())).Cases);
    }
}
