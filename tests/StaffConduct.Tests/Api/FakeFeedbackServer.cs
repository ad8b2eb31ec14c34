using System.Collections.Concurrent;
using System.Net;
using CivilAffairs.Feedback.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>A stand-in for the feedback service: a real gRPC server on a free local port answering staff satisfaction.</summary>
public sealed class FakeFeedback : Feedback.V1.Feedback.FeedbackBase
{
    public ConcurrentDictionary<string, (int Total, double Rate)> Staff { get; } = new();
    public ConcurrentQueue<GetStaffSatisfactionRequest> Asked { get; } = new();

    /// <summary>What the appraisal meetings gave each window (meetings, average score).</summary>
    public ConcurrentDictionary<Common.V1.WindowType, (int Meetings, double Average)> Appraisals { get; } = new();
    public ConcurrentQueue<GetWindowStatisticsRequest> AskedStatistics { get; } = new();

    public override Task<WindowStatistics> GetWindowStatistics(GetWindowStatisticsRequest request, ServerCallContext context)
    {
        AskedStatistics.Enqueue(request);
        var (meetings, average) = Appraisals.GetValueOrDefault(request.Window);
        return Task.FromResult(new WindowStatistics
        {
            Window = request.Window, Appraisal = new AppraisalSummary { Meetings = meetings, AverageScore = average },
        });
    }

    public override Task<StaffSatisfaction> GetStaffSatisfaction(GetStaffSatisfactionRequest request, ServerCallContext context)
    {
        Asked.Enqueue(request);
        var (total, rate) = Staff.GetValueOrDefault(request.StaffId);
        return Task.FromResult(new StaffSatisfaction
        {
            StaffId = request.StaffId, Total = total, SatisfactionRate = rate, FromDate = request.FromDate, ToDate = request.ToDate,
        });
    }
}

public sealed class FakeFeedbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeFeedbackServer(WebApplication app, FakeFeedback feedback, string address)
    {
        _app = app;
        Feedback = feedback;
        Address = address;
    }

    public FakeFeedback Feedback { get; }

    /// <summary>Where it listens (HTTP/2 cleartext), for <c>Services:feedback:Grpc</c>.</summary>
    public string Address { get; }

    public static async Task<FakeFeedbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder holds the service's appsettings.json (its Kestrel endpoints): this server listens only where told.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var feedback = new FakeFeedback();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(feedback);
        var app = builder.Build();
        app.MapGrpcService<FakeFeedback>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeFeedbackServer(app, feedback, address);
    }

    /// <summary>Stops answering: calls to <see cref="Address"/> are refused from now on.</summary>
    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
