using System.Text.Json;
using System.Text.RegularExpressions;

namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>
/// One deployable process as its code describes it: its name (the Kubernetes/compose name and the name other
/// services use in <c>Services:&lt;name&gt;:Grpc</c>), its folder, its Kestrel endpoints from appsettings.json, and
/// the gRPC services it calls (from its source).
/// </summary>
public sealed partial class App
{
    public static readonly App Gateway = new("gateway", "gateway", "CivilAffairs.Gateway", hasStore: false);
    public static readonly App Marriage = new("marriage", "services/Marriage", "CivilAffairs.Marriage", hasStore: true);
    public static readonly App SocialAssistance = new("social-assistance", "services/SocialAssistance", "CivilAffairs.SocialAssistance", hasStore: true);
    public static readonly App StaffConduct = new("staff-conduct", "services/StaffConduct", "CivilAffairs.StaffConduct", hasStore: true);
    public static readonly App Feedback = new("feedback", "services/Feedback", "CivilAffairs.Feedback", hasStore: true);

    public static IReadOnlyList<App> All { get; } = [Gateway, Marriage, SocialAssistance, StaffConduct, Feedback];
    public static IReadOnlyList<App> Services { get; } = [Marriage, SocialAssistance, StaffConduct, Feedback];

    public static TheoryData<string> Names() => new(All.Select(app => app.Name));
    public static TheoryData<string> ServiceNames() => new(Services.Select(app => app.Name));
    public static App Named(string name) => All.Single(app => app.Name == name);

    private App(string name, string folder, string assembly, bool hasStore)
    {
        Name = name;
        Folder = folder;
        Assembly = assembly;
        HasStore = hasStore;
        Settings = JsonDocument.Parse(Repository.Read($"{folder}/appsettings.json")).RootElement.Clone();
        Endpoints = Settings.GetProperty("Kestrel").GetProperty("Endpoints").EnumerateObject()
            .ToDictionary(e => e.Name, e => new Uri(e.Value.GetProperty("Url").GetString()!).Port);
        ManagementPort = Settings.GetProperty("Management").GetProperty("Port").GetInt32();
        Calls = CalledServices(folder, out var hasOutbox);
        HasOutbox = hasOutbox;
    }

    public string Name { get; }
    public string Folder { get; }
    public string Assembly { get; }
    public bool HasStore { get; }
    public JsonElement Settings { get; }

    /// <summary>Kestrel endpoint name (Http, Grpc) to port, as appsettings.json says.</summary>
    public IReadOnlyDictionary<string, int> Endpoints { get; }

    public int HttpPort => Endpoints["Http"];
    public int GrpcPort => Endpoints["Grpc"];

    /// <summary>The management port (<c>Management:Port</c> of appsettings.json): <c>/metrics</c> and <c>/ops</c>
    /// answer there only; Prometheus scrapes it and nothing publishes it.</summary>
    public int ManagementPort { get; }

    /// <summary>The processes that call this one with a service token: the gateway for the services its clusters
    /// reach, and every app whose <see cref="Calls"/> names it.</summary>
    public IEnumerable<App> Callers =>
        All.Where(caller => caller.Calls.Contains(Name)
            || (caller == Gateway && GatewayClusters.All.Any(cluster => cluster.Service == this)));

    /// <summary>The services whose gRPC address (<c>Services:&lt;name&gt;:Grpc</c>) this one reads.</summary>
    public IReadOnlySet<string> Calls { get; }

    /// <summary>Whether it relays messages to other services through the transactional outbox (AddOutbox).</summary>
    public bool HasOutbox { get; }

    public override string ToString() => Name;

    // A client registered by AddServiceClient<T>("name"), or an outbox target constant (…Target = "name").
    private static HashSet<string> CalledServices(string folder, out bool hasOutbox)
    {
        var calls = new HashSet<string>();
        hasOutbox = false;
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var source = File.ReadAllText(file);
            foreach (Match match in ClientRegistration().Matches(source)) calls.Add(match.Groups[1].Value);
            foreach (Match match in OutboxTarget().Matches(source)) calls.Add(match.Groups[1].Value);
            hasOutbox |= source.Contains(".AddOutbox(", StringComparison.Ordinal);
        }
        return calls;
    }

    [GeneratedRegex("""AddServiceClient<[^>]+>\(\s*"([^"]+)"\s*\)""")]
    private static partial Regex ClientRegistration();

    [GeneratedRegex("""const string \w+Target\s*=\s*"([^"]+)"\s*;""")]
    private static partial Regex OutboxTarget();
}
