using Grpc.Net.Client;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// The real gateway on Kestrel in front of one service already listening on real sockets: that service's REST and gRPC
/// clusters point at it, every other cluster at a port where nothing listens. Its gRPC channel and REST clients are the partner
/// with every scope. Linked into the services' test projects so their scenarios can run through the gateway.
/// </summary>
public sealed class GatewayInFront : IDisposable
{
    public GatewayOnKestrel Gateway { get; }
    public GrpcChannel Grpc { get; }

    public GatewayInFront(string service, string serviceHttpUrl, string serviceGrpcUrl)
    {
        var clusters = GatewayOnKestrel.AllDown();
        clusters[service] = serviceHttpUrl;
        clusters[$"{service}-grpc"] = serviceGrpcUrl;
        Gateway = new GatewayOnKestrel(clusters);
        Gateway.StartServer();
        Grpc = GrpcAs(TestPartners.AllScopesKey);
    }

    /// <summary>A REST client to the gateway as the partner with every scope.</summary>
    public HttpClient Rest() => TestPartners.Client(Gateway.HttpUrl, TestPartners.AllScopesKey);

    /// <summary>A gRPC channel to the gateway sending <paramref name="apiKey"/> (none when null).</summary>
    public GrpcChannel GrpcAs(string? apiKey) =>
        GrpcChannel.ForAddress(Gateway.GrpcUrl, new GrpcChannelOptions { HttpHandler = TestPartners.GrpcHandler(apiKey) });

    /// <summary>The gateway's audit lines for calls it forwarded on <paramref name="route"/> as the all-scopes partner.
    /// Waits (bounded) for the first: the audit lines are written in the background.</summary>
    public IReadOnlyList<string> AuditedCalls(string route) => Gateway.Log
        .WaitFor(l => l.Category == "CivilAffairs.Gateway.Audit" && l.Message.Contains($"route={route} ")
                      && l.Message.Contains("partner=all-scopes"))
        .Select(l => l.Message)
        .ToList();

    public void Dispose()
    {
        Grpc.Dispose();
        Gateway.Dispose();
    }
}
