using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// The "Done when" scenarios through the real gateway on Kestrel, the service on Kestrel on its embedded
/// SQLite store: every call goes in as a partner and is audited by the gateway on the social-assistance gRPC route.
/// </summary>
public sealed class ScenariosThroughGatewayTests() : FreshHostTests(throughGateway: true)
{
    private const string Route = "social-assistance-grpc";

    [Fact]
    public async Task A_household_is_walked_to_its_third_monthly_payment_and_a_periodic_review_through_the_gateway()
    {
        await DoneWhenScenarios.ThirdPaymentAndPeriodicReviewAsync(Host, Steps);

        Assert.Contains(Host.Front!.AuditedCalls(Route), line => line.Contains("status=200"));
    }

    [Fact]
    public async Task A_household_goes_through_the_emergency_fast_track_through_the_gateway()
    {
        await DoneWhenScenarios.EmergencyFastTrackAsync(Host, Steps);

        Assert.Contains(Host.Front!.AuditedCalls(Route), line => line.Contains("status=200"));
    }

    [Fact]
    public async Task A_seventy_year_old_with_a_small_pension_is_supported_and_stopped_after_a_recorded_death_through_the_gateway()
    {
        await DoneWhenScenarios.ElderlyWithSmallPensionStoppedAfterDeathAsync(Host, Steps);

        Assert.Contains(Host.Front!.AuditedCalls(Route), line => line.Contains("status=200"));
    }

    [Fact]
    public async Task A_standard_raised_from_1_July_2026_is_paid_in_August_to_a_case_confirmed_in_June_through_the_gateway()
    {
        var host = AssistanceHost.ThroughGateway(startsOn: new DateOnly(2026, 6, 1));
        await host.InitializeAsync();
        try
        {
            await DoneWhenScenarios.StandardRaisedFromJulyPaidInAugustAsync(host, new CaseSteps(host));

            Assert.Contains(host.Front!.AuditedCalls(Route), line => line.Contains("status=200"));
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task The_gateway_refuses_a_call_without_a_partner_key()
    {
        using var anonymous = Host.Front!.GrpcAs(apiKey: null);
        var client = new V1.SocialAssistance.SocialAssistanceClient(anonymous);

        await RpcAssert.Fails(StatusCode.Unauthenticated, () => client.RegisterHouseholdAsync(AssistanceHost.Couple()).ResponseAsync);
    }
}
