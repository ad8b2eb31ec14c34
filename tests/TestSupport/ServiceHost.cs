using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.TestSupport;

/// <summary>
/// A service hosted in memory (TestServer) on its real pipeline with a fresh SQLite file, a clock the test moves, and
/// clients for both faces of the API: a gRPC channel and an HttpClient for the transcoded REST routes.
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:Sqlite:Path", StorePath);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public GrpcChannel Channel()
    {
        var handler = Server.CreateHandler();
        return GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _directory.Dispose();
    }
}
