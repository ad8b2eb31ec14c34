using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>
/// The "Done when" scenario (inherited) through the real gateway on Kestrel, the service on Kestrel on its
/// embedded SQLite store: ratings, rectification steps and the published statistics all go through the gateway.
/// </summary>
public sealed class PublishedResultsThroughGatewayTests() : PublishedResultsScenarioTests(FeedbackHost.ThroughGateway())
{
    [Fact]
    public async Task The_gateway_forwards_a_partners_rating_and_refuses_a_call_without_a_key()
    {
        var rating = await Host.Client().InviteAndRateAsync(WindowType.MarriageRegistration, "gateway:1", RatingLevel.VerySatisfied);

        Assert.NotEqual("", rating.RatingId);
        Assert.Contains(Host.Front!.AuditedCalls("feedback-grpc"), line => line.Contains("status=200"));
        using var anonymous = Host.Front.GrpcAs(apiKey: null);
        var error = await Assert.ThrowsAsync<RpcException>(() => new V1.Feedback.FeedbackClient(anonymous)
            .GetWindowStatisticsAsync(new GetWindowStatisticsRequest { Window = WindowType.MarriageRegistration }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
