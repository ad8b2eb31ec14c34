using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>
/// The "Done when" month (the inherited tests) through the real gateway on Kestrel, the service on Kestrel on
/// its embedded SQLite store, asking a feedback server for the ratings: every call goes in as a partner.
/// </summary>
public sealed class PerformanceThroughGatewayTests() : PerformanceGrpcTests(throughGateway: true)
{
    [Fact]
    public async Task The_gateway_forwards_a_partners_calls_and_refuses_one_without_a_key()
    {
        var member = await Host.RegisterAsync();

        Assert.NotEqual("", member.StaffId);
        // The audit line is written in the background, possibly after the answer: wait (bounded) for that very line.
        Assert.NotEmpty(AuditLines(l => l.Contains("route=staff-conduct-grpc ") && l.Contains("partner=all-scopes") && l.Contains("status=200")));
        using var anonymous = Host.Front!.GrpcAs(apiKey: null);
        var error = await Assert.ThrowsAsync<RpcException>(() => new V1.StaffConduct.StaffConductClient(anonymous)
            .GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.MarriageRegistration, Month = "2026-11" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task The_public_wall_through_the_gateway_without_a_key_masks_phone_numbers_on_the_server()
    {
        var request = StaffHost.Member(name: "张晓明");
        request.Duties.Add("预约咨询 13800138000");
        var member = await Host.Client.RegisterStaffMemberAsync(request);
        await Host.Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Deadline = Host.Date(10), Text = "办不成事请打13900139000",
        });

        using var nobody = new HttpClient { BaseAddress = new Uri(Host.Front!.Gateway.HttpUrl) };
        using var answer = await nobody.GetAsync("/api/staff/v1/windows/MARRIAGE_REGISTRATION/staff");
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("张晓明", body);
        Assert.Contains("138****8000", body);
        Assert.Contains("139****9000", body);
        Assert.DoesNotContain("13800138000", body);
        Assert.DoesNotContain("13900139000", body);
    }

    /// <summary>The gateway's audit lines that match, waiting (bounded, 10 s) until one is there: never read once eagerly.</summary>
    private IReadOnlyList<string> AuditLines(Func<string, bool> match) => Host.Front!.Gateway.Log
        .WaitFor(l => l.Category == "CivilAffairs.Gateway.Audit" && match(l.Message))
        .Select(l => l.Message)
        .ToList();
}
