using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// The standard gRPC health service (grpc.health.v1) on a service's gRPC port, as Kubernetes' gRPC probes ask it: the
/// default service and "ready" answer as <c>/health/ready</c> (the store too), "live" as <c>/health/live</c>.
/// </summary>
public sealed class GrpcHealthTests : IDisposable
{
    private readonly MarriageOnKestrel _marriage = new();
    private readonly GrpcChannel _channel;

    public GrpcHealthTests()
    {
        _marriage.StartServer();
        _channel = GrpcChannel.ForAddress(_marriage.GrpcUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData(ServiceDefaultsExtensions.GrpcReadyService)]
    [InlineData(ServiceDefaultsExtensions.GrpcLiveService)]
    public async Task A_running_service_with_its_store_is_serving(string service)
    {
        var answer = await new Health.HealthClient(_channel).CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    [Fact]
    public async Task An_unknown_service_name_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new Health.HealthClient(_channel).CheckAsync(new HealthCheckRequest { Service = "civilaffairs.passports.v1" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _marriage.Dispose();
    }
}
