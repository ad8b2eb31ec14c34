using System.Collections.Concurrent;
using CivilAffairs.ServiceDefaults.Clients;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Security;
using CivilAffairs.SharedKernel;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>Sends one outbox message to its consumer.</summary>
public interface IOutboxTransport
{
    Task SendAsync(OutboxMessage message, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>
/// Sends the stored request bytes to the target's gRPC method as they are (the payload already is the request message),
/// with the event id as idempotency key and this service's token for the target, through the shared resilience interceptor (timeout and circuit breaker).
/// </summary>
public sealed class GrpcOutboxTransport(IConfiguration configuration, ServiceTokens tokens) : IOutboxTransport, IDisposable
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private readonly ConcurrentDictionary<string, (GrpcChannel Channel, CallInvoker Invoker)> _targets = new();

    public async Task SendAsync(OutboxMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var separator = message.Method.LastIndexOf('/');
        var method = new Method<byte[], byte[]>(MethodType.Unary, message.Method[1..separator], message.Method[(separator + 1)..], Bytes, Bytes);
        var headers = new Metadata
        {
            { IdempotencyKey.HeaderName, message.EventId },
            { "authorization", "Bearer " + tokens.For(message.Target) },
        };
        var options = new CallOptions(headers, DateTime.UtcNow + timeout, cancellationToken);
        await Target(message.Target).AsyncUnaryCall(method, null, options, message.Payload);
    }

    private CallInvoker Target(string target) => _targets.GetOrAdd(target, name =>
    {
        var key = $"Services:{name}:Grpc";
        var address = configuration[key] ?? throw new InvalidOperationException($"{key} is not set: where does {name} listen for gRPC?");
        // Reconnect soon after the consumer comes back: the relay keeps its own, longer schedule per message.
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(200), MaxReconnectBackoff = TimeSpan.FromSeconds(5),
        });
        var resilience = new GrpcResilienceOptions();
        configuration.GetSection("Resilience:Grpc").Bind(resilience);
        return (channel, channel.Intercept(new GrpcResilienceInterceptor(name, resilience)));
    }).Invoker;

    public void Dispose()
    {
        foreach (var (channel, _) in _targets.Values) channel.Dispose();
    }
}
