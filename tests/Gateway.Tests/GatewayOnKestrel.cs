using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// The gateway on real Kestrel sockets (a free HTTP/1.1 port and a free HTTP/2 port), with its routes from its own
/// appsettings.json, the test partners, generous rate limits unless a test sets its own, and the cluster addresses
/// overridden (cluster id -> address). Its log lines are kept in <see cref="Log"/>.
/// </summary>
public sealed class GatewayOnKestrel : WebApplicationFactory<GatewayEntryPoint>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public string HttpUrl { get; } = FreePort.Url();
    public string GrpcUrl { get; } = FreePort.Url();
    public CapturedLog Log { get; } = new();

    /// <param name="services">replaces services of the gateway's (e.g. its TimeProvider)</param>
    public GatewayOnKestrel(IReadOnlyDictionary<string, string> clusters, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>(TestPartners.Settings())
        {
            ["Kestrel:Endpoints:Http:Url"] = HttpUrl,
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcUrl,
            ["RateLimits:Partner:PermitLimit"] = "100000",
            ["RateLimits:Anonymous:PermitLimit"] = "100000",
        };
        foreach (var (cluster, address) in clusters)
            _settings[$"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address"] = address;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel();
    }

    /// <summary>Every cluster of the gateway pointed at a port where nothing listens (each service down).</summary>
    public static Dictionary<string, string> AllDown()
    {
        var down = FreePort.Url();
        return new[] { "marriage", "social-assistance", "staff-conduct", "feedback" }
            .SelectMany(service => new[] { service, $"{service}-grpc" })
            .ToDictionary(cluster => cluster, _ => down);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The gateway signs its calls with the test run's key, which the services under test trust (read at start-up).
        foreach (var (key, value) in CivilAffairs.TestSupport.TestCallers.Settings("gateway")) builder.UseSetting(key, value);
        builder.UseSetting("Management:Port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        if (_services is not null) builder.ConfigureServices(_services);
    }
}
