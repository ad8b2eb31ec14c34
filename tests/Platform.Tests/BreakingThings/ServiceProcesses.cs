using System.Collections.Concurrent;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.TestSupport;
using Grpc.Net.Client;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>
/// The four services as real processes for the tests that break things. Each keeps its ports and its SQLite file for
/// the whole test, so it can be killed and started again where it was, and each knows where every other one listens
/// (<c>Services:&lt;name&gt;:Grpc</c>), whether that one runs yet or not. Outboxes are relayed every 200 ms, and
/// retries wait at most 2 s.
/// </summary>
internal sealed class ServiceProcesses : IDisposable
{
    private static readonly Dictionary<string, (string Folder, string Assembly, string Store)> Services = new()
    {
        ["marriage"] = ("services/Marriage", "CivilAffairs.Marriage", "marriage.db"),
        ["social-assistance"] = ("services/SocialAssistance", "CivilAffairs.SocialAssistance", "assistance.db"),
        ["staff-conduct"] = ("services/StaffConduct", "CivilAffairs.StaffConduct", "staff.db"),
        ["feedback"] = ("services/Feedback", "CivilAffairs.Feedback", "feedback.db"),
    };

    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, (string Http, string Grpc)> _addresses =
        Services.Keys.ToDictionary(name => name, _ => (FreePort.Url(), FreePort.Url()));
    private readonly ConcurrentDictionary<string, AppProcess> _running = new();

    public string Http(string service) => _addresses[service].Http;
    public string Grpc(string service) => _addresses[service].Grpc;
    public string Store(string service) => _data.File(Services[service].Store);

    /// <summary>The running service's management address (<c>/ops/outbox</c>).</summary>
    public string Management(string service) => _running[service].ManagementUrl;

    /// <summary>A gRPC channel to the service presenting the test gateway's credential, as every caller must.</summary>
    public GrpcChannel Channel(string service) =>
        GrpcChannel.ForAddress(Grpc(service), new GrpcChannelOptions { HttpHandler = TestCallers.Presenting(service) });

    /// <summary>An HTTP client that presents, to whichever service it calls, the test gateway's credential for it.</summary>
    public HttpClient Client() => new(new AudienceByAddress(this)) { Timeout = TimeSpan.FromSeconds(60) };

    private sealed class AudienceByAddress(ServiceProcesses services) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authority = request.RequestUri!.GetLeftPart(UriPartial.Authority);
            var service = services._addresses.FirstOrDefault(a => a.Value.Http.TrimEnd('/') == authority || a.Value.Grpc.TrimEnd('/') == authority).Key;
            if (service is not null)
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestCallers.Token(service));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Starts the services and waits until each answers /health/ready.</summary>
    public Task StartAsync(params string[] services) => Task.WhenAll(services.Select(async service =>
    {
        var (folder, assembly, _) = Services[service];
        var environment = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = Http(service),
            ["Kestrel__Endpoints__Grpc__Url"] = Grpc(service),
            ["Storage__Sqlite__Path"] = Store(service),
            ["Outbox__PollInterval"] = "00:00:00.200",
            // Retries keep backing off while a consumer is away; capped so its return is noticed within seconds.
            ["Outbox__MaxDelay"] = "00:00:02",
        };
        foreach (var other in Services.Keys.Where(o => o != service)) environment[$"Services__{other}__Grpc"] = Grpc(other);
        var process = new AppProcess(folder, assembly, Http(service), environment);
        _running[service] = process;
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }));

    /// <summary>Kills the service's process (SIGKILL); its store stays for a later start.</summary>
    public void Kill(string service)
    {
        if (_running.TryRemove(service, out var process)) process.Dispose();
    }

    public void Dispose()
    {
        foreach (var service in _running.Keys.ToList()) Kill(service);
        _data.Dispose();
    }
}
