using System.Collections.Concurrent;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>
/// A real gRPC consumer on Kestrel (HTTP/2, loopback) that answers CreateInvitation the way the test tells it to:
/// accept (once per idempotency key), refuse for good, or be slow. Stopping it makes the service really unreachable.
/// </summary>
internal sealed class InvitationConsumer : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<(string Key, CreateInvitationRequest Request)> Received { get; } = new();
    public ConcurrentDictionary<string, int> Effects { get; } = new();
    public StatusCode? RefuseWith { get; set; }
    /// <summary>Only this service reference is refused (all when null).</summary>
    public string? RefuseReference { get; set; }
    public TimeSpan Delay { get; set; }
    public int Port { get; private set; }
    public string Address => $"http://127.0.0.1:{Port}";

    public async Task StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        _app = builder.Build();
        _app.MapGrpcService<InvitationService>();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>The gRPC service class the consumer's host maps; it forwards to the shared consumer state.</summary>
internal sealed class InvitationService(InvitationConsumer consumer) : Feedback.V1.Feedback.FeedbackBase
{
    public override async Task<Invitation> CreateInvitation(CreateInvitationRequest request, ServerCallContext context)
    {
        if (consumer.Delay > TimeSpan.Zero) await Task.Delay(consumer.Delay, context.CancellationToken);
        if (consumer.RefuseWith is { } code && (consumer.RefuseReference is null || consumer.RefuseReference == request.ServiceReference)) throw new RpcException(new Status(code, "service_reference: unknown service"));
        var key = context.RequestHeaders.GetValue(IdempotencyKey.HeaderName) ?? "";
        consumer.Received.Enqueue((key, request));
        consumer.Effects.AddOrUpdate(key, 1, (_, n) => n);
        return new Invitation { InvitationId = "inv_" + key, ServiceReference = request.ServiceReference };
    }
}
