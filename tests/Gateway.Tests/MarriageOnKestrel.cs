using CivilAffairs.Marriage.Api;
using CivilAffairs.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// The real marriage service on real Kestrel sockets (free ports, HTTP/1.1 and HTTP/2 listeners as in production), on a
/// temporary SQLite file, recording the trace headers it receives.
/// </summary>
public sealed class MarriageOnKestrel : ServiceHost<MarriageAppointmentsApi>
{
    public string HttpUrl { get; } = FreePort.Url();
    public string GrpcUrl { get; } = FreePort.Url();
    public ReceivedRequests Received { get; } = new();

    public MarriageOnKestrel()
    {
        With("Kestrel:Endpoints:Http:Url", HttpUrl);
        With("Kestrel:Endpoints:Grpc:Url", GrpcUrl);
        UseKestrel();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Received));
    }
}
