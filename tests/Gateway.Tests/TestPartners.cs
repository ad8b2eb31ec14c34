using System.Net.Http.Headers;
using CivilAffairs.Gateway.Partners;

namespace CivilAffairs.Gateway.Tests;

/// <summary>Partner systems configured on the test gateways: their keys (only the hashes go into configuration).</summary>
public static class TestPartners
{
    public const string AllScopesKey = "test-key-all-scopes";
    public const string MarriageReaderKey = "test-key-marriage-read";
    public const string FeedbackWriterKey = "test-key-feedback-write";

    public static readonly string[] Families = ["marriage", "assistance", "staff", "feedback"];

    public const string TokenIssuer = "https://auth.civilaffairs.test";
    public const string TokenAudience = "civilaffairs-gateway";
    public static readonly byte[] TokenSigningKey = "a test signing key of thirty-two bytes or more!"u8.ToArray();

    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        Add(settings, "all-scopes", AllScopesKey, Families.SelectMany(f => new[] { $"{f}.read", $"{f}.write" }));
        Add(settings, "marriage-reader", MarriageReaderKey, ["marriage.read"]);
        Add(settings, "feedback-writer", FeedbackWriterKey, ["feedback.write"]);
        settings["Jwt:Issuer"] = TokenIssuer;
        settings["Jwt:Audience"] = TokenAudience;
        settings["Jwt:SigningKeyBase64"] = Convert.ToBase64String(TokenSigningKey);
        return settings;
    }

    private static void Add(Dictionary<string, string?> settings, string name, string key, IEnumerable<string> scopes)
    {
        settings[$"Partners:{name}:ApiKeySha256"] = PartnerDirectory.HashOf(key);
        foreach (var (scope, i) in scopes.Select((s, i) => (s, i))) settings[$"Partners:{name}:Scopes:{i}"] = scope;
    }

    /// <summary>A partner's HTTP client: sends its key and exactly the trace headers a test gives it.</summary>
    public static HttpClient Client(string baseUrl, string? apiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null) client.DefaultRequestHeaders.Add(PartnerAuthenticationHandler.ApiKeyHeader, apiKey);
        return client;
    }

    /// <summary>A handler for gRPC channels that sends the partner's key as metadata on every call.</summary>
    public static HttpMessageHandler GrpcHandler(string? apiKey) => new ApiKeyHandler(apiKey) { InnerHandler = new SocketsHttpHandler() };

    private sealed class ApiKeyHandler(string? apiKey) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (apiKey is not null) request.Headers.Add(PartnerAuthenticationHandler.ApiKeyHeader, apiKey);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
