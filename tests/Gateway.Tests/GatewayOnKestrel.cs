using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// The gateway on real Kestrel sockets (a free HTTP/1.1 port and a free HTTP/2 port), with its routes from its own
/// appsettings.json and only the cluster addresses overridden (cluster id -> address).
/// </summary>
public sealed class GatewayOnKestrel : WebApplicationFactory<GatewayEntryPoint>
{
    private readonly IReadOnlyDictionary<string, string> _clusters;

    public string HttpUrl { get; } = FreePort.Url();
    public string GrpcUrl { get; } = FreePort.Url();

    public GatewayOnKestrel(IReadOnlyDictionary<string, string> clusters)
    {
        _clusters = clusters;
        UseKestrel();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = HttpUrl,
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcUrl,
        };
        foreach (var (cluster, address) in _clusters)
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address"] = address;
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }
}
