using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.TestSupport;

/// <summary>
/// A service hosted in memory (TestServer) on its real pipeline with a fresh SQLite file, a clock the test moves, and
/// clients for both faces of the API: a gRPC channel and an HttpClient for the transcoded REST routes. Its clients
/// present the test gateway's credential for <see cref="TestCallers.Partner"/>, as every call through the gateway
/// does; <see cref="AnonymousChannel"/> and <see cref="CreateAnonymousClient"/> present none.
/// </summary>
public class ServiceHost<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings = new();

    /// <summary>The host's clock: 2026-11-02 01:00 UTC unless the test starts it elsewhere. It only moves forward.</summary>
    public FakeTimeProvider Clock { get; }

    public ServiceHost() : this(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero)) { }

    public ServiceHost(DateTimeOffset startsAt) => Clock = new FakeTimeProvider(startsAt);

    public ServiceHost<TProgram> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public string StorePath => _directory.File("store.db");

    /// <summary>The management port (<c>/ops</c>, <c>/metrics</c>): a free one, so hosts on real sockets never collide.</summary>
    public int ManagementPort { get; } = FreePort.Next();

    /// <summary>A client for the operations endpoints, which answer on the management port only.</summary>
    public HttpClient CreateManagementClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{ManagementPort}") });

    /// <summary>The service's name among the others: the audience of the credentials its clients present.</summary>
    public string ServiceName => typeof(TProgram).Assembly.GetName().Name!.Replace("CivilAffairs.", "") switch
    {
        "SocialAssistance" => "social-assistance",
        "StaffConduct" => "staff-conduct",
        var other => other.ToLowerInvariant(),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:Sqlite:Path", StorePath);
        foreach (var (key, value) in TestCallers.Settings(ServiceName)) builder.UseSetting(key, value);
        builder.UseSetting("Management:Port", ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Management:Address", "127.0.0.1");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A channel that presents the test gateway's credential for <paramref name="partner"/>.</summary>
    public GrpcChannel Channel(string? partner = TestCallers.Partner) => GrpcChannel.ForAddress(Server.BaseAddress,
        new GrpcChannelOptions { HttpHandler = TestCallers.Presenting(ServiceName, partner, Server.CreateHandler()) });

    /// <summary>A channel with no credential at all, as an attacker on the network would call.</summary>
    public GrpcChannel AnonymousChannel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestCallers.Token(ServiceName));
    }

    /// <summary>An HTTP client with no credential.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _directory.Dispose();
    }
}
