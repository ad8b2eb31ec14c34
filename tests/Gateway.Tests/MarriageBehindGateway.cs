using Grpc.Net.Client;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// A gateway whose marriage clusters reach a real marriage service; the staff-conduct clusters reach the same service
/// (to see what an all-windows route sends on), social-assistance's REST cluster a server that never answers (with a 0.3
/// s deadline), and the others a port where nothing listens (services that are down).
/// Its REST and gRPC clients are the partner with every scope.
/// </summary>
public sealed class MarriageBehindGateway : IDisposable
{
    public MarriageOnKestrel Marriage { get; } = new();
    public SilentServer Hung { get; } = new();
    public GatewayOnKestrel Gateway { get; }
    public HttpClient Rest { get; }
    public GrpcChannel Grpc { get; }

    public MarriageBehindGateway()
    {
        Marriage.StartServer();
        var clusters = GatewayOnKestrel.AllDown();
        clusters["marriage"] = Marriage.HttpUrl;
        clusters["marriage-grpc"] = Marriage.GrpcUrl;
        clusters["staff-conduct"] = Marriage.HttpUrl;
        clusters["staff-conduct-grpc"] = Marriage.GrpcUrl;
        clusters["social-assistance"] = Hung.Url;
        Gateway = new GatewayOnKestrel(clusters, new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:social-assistance:HttpRequest:ActivityTimeout"] = "00:00:00.3",
            // The stand-in behind the staff-conduct routes is the marriage service: the gateway's credential names it.
            ["ReverseProxy:Clusters:staff-conduct:Metadata:Service"] = "marriage",
            ["ReverseProxy:Clusters:staff-conduct-grpc:Metadata:Service"] = "marriage",
        });
        Gateway.StartServer();
        Rest = TestPartners.Client(Gateway.HttpUrl, TestPartners.AllScopesKey);
        Grpc = GrpcChannel.ForAddress(Gateway.GrpcUrl, new GrpcChannelOptions
        {
            HttpHandler = TestPartners.GrpcHandler(TestPartners.AllScopesKey),
        });
    }

    /// <summary>A gRPC channel to the gateway sending <paramref name="apiKey"/> (none when null).</summary>
    public GrpcChannel GrpcAs(string? apiKey) =>
        GrpcChannel.ForAddress(Gateway.GrpcUrl, new GrpcChannelOptions { HttpHandler = TestPartners.GrpcHandler(apiKey) });

    public void Dispose()
    {
        Grpc.Dispose();
        Rest.Dispose();
        Gateway.Dispose();
        Marriage.Dispose();
        Hung.Dispose();
    }
}
