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
        Assert.Contains(Host.Front!.AuditedCalls("staff-conduct-grpc"), line => line.Contains("status=200"));
        using var anonymous = Host.Front.GrpcAs(apiKey: null);
        var error = await Assert.ThrowsAsync<RpcException>(() => new V1.StaffConduct.StaffConductClient(anonymous)
            .GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.MarriageRegistration, Month = "2026-11" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
