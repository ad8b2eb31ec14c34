using System.Reflection;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CivilAffairs.Gateway.Contracts;

/// <summary>
/// Every RPC of the four services' contracts with its REST route (<c>google.api.http</c>), read from the compiled proto
/// descriptors: what the gateway documents (OpenAPI) and how it tells reads from writes.
/// </summary>
public sealed class ContractCatalog
{
    public IReadOnlyList<ContractMethod> Methods { get; }

    public ContractCatalog() : this(typeof(CivilAffairs.Marriage.V1.MarriageAppointments).Assembly) { }

    public ContractCatalog(Assembly contracts)
    {
        Methods = FilesOf(contracts)
            .Where(file => file.Package.StartsWith("civilaffairs.", StringComparison.Ordinal))
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .Select(method => new ContractMethod(method, method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
            .OrderBy(m => m.Method.Service.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The RPC a REST request reaches, if any.</summary>
    public ContractMethod? ForRest(string httpMethod, string path) =>
        Methods.FirstOrDefault(m => m.Rest is { } rest
            && string.Equals(rest.Verb, httpMethod, StringComparison.OrdinalIgnoreCase) && rest.Matches(path));

    private static IEnumerable<FileDescriptor> FilesOf(Assembly contracts) =>
        contracts.GetTypes()
            .Where(type => type.IsClass && type.IsAbstract && type.IsSealed && type.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>();
}

public sealed record ContractMethod(MethodDescriptor Method, HttpRule? Http)
{
    /// <summary>Reads change nothing: RPCs whose REST route is a GET, and by the contracts' naming those called Get…,
    /// List… or Search… (searches by ID number are POSTs only to keep the number out of URLs).</summary>
    public bool IsRead => Http?.PatternCase == HttpRule.PatternOneofCase.Get
        || Method.Name.StartsWith("Get", StringComparison.Ordinal)
        || Method.Name.StartsWith("List", StringComparison.Ordinal)
        || Method.Name.StartsWith("Search", StringComparison.Ordinal);

    public string GrpcPath => $"/{Method.Service.FullName}/{Method.Name}";

    public RestRoute? Rest { get; } = Http is null ? null : RestRoute.From(Http);
}

/// <summary>A REST route of an RPC: verb, path template (<c>/api/x/v1/things/{thing_id}:cancel</c>) and body field.</summary>
public sealed record RestRoute(string Verb, string Template, string Body)
{
    private Regex Pattern { get; } = new("^" + Regex.Replace(Regex.Escape(Template).Replace("\\{", "{"),
        "{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    public IReadOnlyList<string> PathParameters { get; } =
        Regex.Matches(Template, "{([^}=]+)").Select(m => m.Groups[1].Value).ToList();

    public bool Matches(string path) => Pattern.IsMatch(path);

    public static RestRoute? From(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => new("GET", rule.Get, rule.Body),
        HttpRule.PatternOneofCase.Post => new("POST", rule.Post, rule.Body),
        HttpRule.PatternOneofCase.Put => new("PUT", rule.Put, rule.Body),
        HttpRule.PatternOneofCase.Patch => new("PATCH", rule.Patch, rule.Body),
        HttpRule.PatternOneofCase.Delete => new("DELETE", rule.Delete, rule.Body),
        _ => null,
    };
}
