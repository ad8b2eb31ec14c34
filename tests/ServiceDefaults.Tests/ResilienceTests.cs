using System.Diagnostics;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Clients;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>
/// The one Polly pipeline of service-to-service calls, against real gRPC servers on loopback: a slow dependency fails
/// fast with DEADLINE_EXCEEDED, the circuit opens after repeated failures and closes when the dependency recovers,
/// only idempotent calls are retried, and a caller's deadline travels on to the calls it makes.
/// </summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private readonly Dependency _dependency = new();
    private WebApplication _back = null!;
    private WebApplication _front = null!;
    private string _backAddress = "";
    private string _frontAddress = "";

    public async Task InitializeAsync()
    {
        (_back, _backAddress) = await StartAsync(builder => builder.Services.AddSingleton(_dependency), app => app.MapGrpcService<SlowFeedback>());
        (_front, _frontAddress) = await StartAsync(builder =>
        {
            builder.Configuration["Services:back:Grpc"] = _backAddress;
            builder.Configuration["Resilience:Grpc:TotalTimeout"] = "00:00:05";
            builder.AddServiceClient<Feedback.V1.Feedback.FeedbackClient>("back");
        }, app => app.MapGrpcService<Front>());
    }

    private static async Task<(WebApplication, string)> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        // Development: the processes present the development key's service tokens to each other.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client of the dependency through the shared pipeline, with test-sized settings.</summary>
    private Feedback.V1.Feedback.FeedbackClient PipelineClient(GrpcResilienceOptions options)
    {
        var channel = GrpcChannel.ForAddress(_backAddress);
        return new Feedback.V1.Feedback.FeedbackClient(Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(
            channel.CreateCallInvoker(), new GrpcResilienceInterceptor("back", options)));
    }

    private static readonly GrpcResilienceOptions Tight = new()
    {
        TotalTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        FailureRatio = 0.5, MinimumThroughput = 3, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromMilliseconds(800),
    };

    [Fact]
    public async Task A_slow_dependency_fails_fast_then_the_circuit_opens_and_closes_again_when_it_recovers()
    {
        var client = PipelineClient(Tight);
        _dependency.Delay = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        var slow = await Assert.ThrowsAsync<RpcException>(() => client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s1" }).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, slow.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");

        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<RpcException>(() => client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s1" }).ResponseAsync);
        var reached = _dependency.Calls;
        var open = await Assert.ThrowsAsync<RpcException>(() => client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s1" }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, open.StatusCode);
        Assert.Contains("circuit open", open.Status.Detail);
        Assert.Equal(reached, _dependency.Calls); // the open circuit did not even call

        _dependency.Delay = TimeSpan.Zero;
        await Task.Delay(Tight.BreakDuration + TimeSpan.FromMilliseconds(200));
        var answer = await client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s1" });
        Assert.Equal("s1", answer.StaffId);
        Assert.Equal("s1", (await client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s1" })).StaffId);
    }

    [Fact]
    public async Task Only_idempotent_calls_are_retried_and_only_on_transient_codes()
    {
        var client = PipelineClient(Tight with { MinimumThroughput = 100, TotalTimeout = TimeSpan.FromSeconds(10) });
        _dependency.FailNext(2, StatusCode.Unavailable);
        Assert.Equal("s2", (await client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s2" })).StaffId);
        Assert.Equal(3, _dependency.Calls);

        _dependency.FailNext(1, StatusCode.Unavailable);
        var once = await Assert.ThrowsAsync<RpcException>(() => client.CreateInvitationAsync(new CreateInvitationRequest { ServiceReference = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, once.StatusCode);
        Assert.Equal(4, _dependency.Calls);

        _dependency.FailNext(1, StatusCode.InvalidArgument);
        await Assert.ThrowsAsync<RpcException>(() => client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s3" }).ResponseAsync);
        Assert.Equal(5, _dependency.Calls);
    }

    [Fact]
    public async Task The_callers_deadline_travels_on_to_the_calls_it_makes()
    {
        using var channel = GrpcChannel.ForAddress(_frontAddress);
        var front = new Feedback.V1.Feedback.FeedbackClient(channel);
        await front.GetSatisfactionSummaryAsync(new GetSatisfactionSummaryRequest()); // connections warm, as in a running service
        _dependency.Delay = TimeSpan.FromSeconds(8);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => front.GetSatisfactionSummaryAsync(new GetSatisfactionSummaryRequest(),
            deadline: DateTime.UtcNow.AddSeconds(1)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.True(await Eventually.TrueAsync(() => _dependency.Cancelled > 0), "the dependency never saw the cancellation");
        Assert.Equal(2, _dependency.Calls);
        Assert.Equal(1, _dependency.Cancelled); // the dependency saw the deadline and stopped, not 4 seconds later
    }

    public async Task DisposeAsync()
    {
        await _front.DisposeAsync();
        await _back.DisposeAsync();
    }

    /// <summary>What the dependency does next: how slow it is, which failures it returns, how often it was reached.</summary>
    internal sealed class Dependency
    {
        private int _calls;
        private int _cancelled;
        private int _failures;
        public TimeSpan Delay { get; set; }
        public StatusCode FailureCode { get; private set; }
        public int Calls => Volatile.Read(ref _calls);
        public int Cancelled => Volatile.Read(ref _cancelled);
        public void FailNext(int count, StatusCode code) { FailureCode = code; Volatile.Write(ref _failures, count); }
        public void Reached() => Interlocked.Increment(ref _calls);
        public void SawCancellation() => Interlocked.Increment(ref _cancelled);
        public bool ShouldFail() => Interlocked.Decrement(ref _failures) >= 0;
    }

    private sealed class SlowFeedback(Dependency dependency) : Feedback.V1.Feedback.FeedbackBase
    {
        public override async Task<StaffSatisfaction> GetStaffSatisfaction(GetStaffSatisfactionRequest request, ServerCallContext context)
        {
            await Answer(context);
            return new StaffSatisfaction { StaffId = request.StaffId };
        }

        public override async Task<Invitation> CreateInvitation(CreateInvitationRequest request, ServerCallContext context)
        {
            await Answer(context);
            return new Invitation { ServiceReference = request.ServiceReference };
        }

        private async Task Answer(ServerCallContext context)
        {
            dependency.Reached();
            if (dependency.ShouldFail()) throw new RpcException(new Status(dependency.FailureCode, "injected"));
            try
            {
                await Task.Delay(dependency.Delay, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                dependency.SawCancellation();
                throw;
            }
        }
    }

    /// <summary>A service whose handler calls the dependency through the client factory, as a real service would.</summary>
    private sealed class Front(Feedback.V1.Feedback.FeedbackClient back) : Feedback.V1.Feedback.FeedbackBase
    {
        public override async Task<SatisfactionSummary> GetSatisfactionSummary(GetSatisfactionSummaryRequest request, ServerCallContext context)
        {
            var staff = await back.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "front" });
            return new SatisfactionSummary { Total = staff.Total };
        }
    }
}
