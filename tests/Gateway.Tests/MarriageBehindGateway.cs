using System.Net.Http.Headers;
using Grpc.Net.Client;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// A gateway whose marriage clusters reach a real marriage service; the staff-conduct clusters reach the same service
/// (to see what an all-windows route sends on), and the feedback clusters a port where nothing listens (a service
/// that is down).
/// </summary>
public sealed class MarriageBehindGateway : IDisposable
{
    public MarriageOnKestrel Marriage { get; } = new();
    public GatewayOnKestrel Gateway { get; }
    public HttpClient Rest { get; }
    public GrpcChannel Grpc { get; }

    public MarriageBehindGateway()
    {
        var down = FreePort.Url();
        Marriage.StartServer();
        Gateway = new GatewayOnKestrel(new Dictionary<string, string>
        {
            ["marriage"] = Marriage.HttpUrl,
            ["marriage-grpc"] = Marriage.GrpcUrl,
            ["staff-conduct"] = Marriage.HttpUrl,
            ["staff-conduct-grpc"] = Marriage.GrpcUrl,
            ["feedback"] = down,
            ["feedback-grpc"] = down,
        });
        Gateway.StartServer();
        // Like a partner's client outside this process: it sends exactly the trace headers a test gives it (the
        // in-process telemetry of the two hosts would otherwise start a trace of its own for each call).
        Rest = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = new Uri(Gateway.HttpUrl),
        };
        Rest.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Grpc = GrpcChannel.ForAddress(Gateway.GrpcUrl);
    }

    public void Dispose()
    {
        Grpc.Dispose();
        Rest.Dispose();
        Gateway.Dispose();
        Marriage.Dispose();
    }
}
