using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Gateway.Contracts;
using Grpc.Core;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// Who may call what: every RPC of the four contracts, over REST and gRPC, with no key, an unknown key, a key without
/// the scope and a key with it. Only the public display data answers without a key.
/// </summary>
public sealed class PartnerAccessTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    private static readonly ContractCatalog Contracts = new();

    /// <summary>The display pages' data, certificate verification and the catalogue of service standards: read-only, anonymous (and rate limited
    /// per client address).</summary>
    private static readonly HashSet<string> Public =
    [
        "ListAvailability", "GetHallBoard", "VerifyCertificate", "ListPublicPostings", "ListWindowStaff", "ListDesignations",
        "GetPublishedStatistics", "GetSatisfactionSummary",
        "ListServiceItems", "GetServiceItem", "SearchServiceItems", "ListServiceItemVersions",
    ];

    /// <summary>Public over gRPC too: the catalogue, which citizens' apps read before they come.</summary>
    private static readonly HashSet<string> PublicOverGrpc = ["ListServiceItems", "GetServiceItem", "SearchServiceItems", "ListServiceItemVersions"];

    private static readonly Dictionary<string, string> FamilyOfPackage = new()
    {
        ["civilaffairs.marriage.v1"] = "marriage",
        ["civilaffairs.socialassistance.v1"] = "assistance",
        ["civilaffairs.staffconduct.v1"] = "staff",
        ["civilaffairs.feedback.v1"] = "feedback",
    };

    public static TheoryData<string> Rpcs() => new(Contracts.Methods.Select(m => m.GrpcPath));

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Over_rest_a_call_needs_a_known_partner_with_the_scope_of_its_service(string rpc)
    {
        var method = Contracts.Methods.Single(m => m.GrpcPath == rpc);
        if (method.Rest is null) return; // gRPC only: covered below
        var (family, needed) = ScopeOf(method);
        var isPublic = Public.Contains(method.Method.Name) && method.Rest.Verb == "GET";

        var anonymous = await Rest(method, apiKey: null);
        if (isPublic) Assert.True(anonymous.Status is not (401 or 403), $"{rpc} is public but answered {anonymous.Status}");
        else AssertRefused(anonymous, 401, rpc);

        AssertRefused(await Rest(method, apiKey: "not-a-key-anyone-has"), isPublic ? null : 401, rpc);

        var otherFamilyKey = family == "feedback" ? TestPartners.MarriageReaderKey : TestPartners.FeedbackWriterKey;
        var otherFamily = await Rest(method, otherFamilyKey);
        if (!isPublic)
        {
            AssertRefused(otherFamily, 403, rpc);
            Assert.Equal(needed, otherFamily.Problem?.GetProperty("requiredScope").GetString());
        }

        if (family == "marriage")
        {
            var reader = await Rest(method, TestPartners.MarriageReaderKey);
            if (method.IsRead) Assert.True(reader.Status is not (401 or 403), $"{rpc} refused a reader: {reader.Status}");
            else AssertRefused(reader, 403, rpc);
        }

        var allowed = await Rest(method, TestPartners.AllScopesKey);
        Assert.True(allowed.Status is not (401 or 403), $"{rpc} refused a partner with every scope: {allowed.Status}");
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Over_grpc_a_call_needs_a_known_partner_with_the_scope_of_its_service(string rpc)
    {
        var method = Contracts.Methods.Single(m => m.GrpcPath == rpc);
        var (family, _) = ScopeOf(method);
        if (PublicOverGrpc.Contains(method.Method.Name))
        {
            Assert.True(await Grpc(method, apiKey: null) is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied), $"{rpc} is public");
            return;
        }

        Assert.Equal(StatusCode.Unauthenticated, await Grpc(method, apiKey: null));
        Assert.Equal(StatusCode.Unauthenticated, await Grpc(method, apiKey: "not-a-key-anyone-has"));
        var otherFamilyKey = family == "feedback" ? TestPartners.MarriageReaderKey : TestPartners.FeedbackWriterKey;
        Assert.Equal(StatusCode.PermissionDenied, await Grpc(method, otherFamilyKey));
        if (family == "marriage")
        {
            var reader = await Grpc(method, TestPartners.MarriageReaderKey);
            if (method.IsRead) Assert.NotEqual(StatusCode.PermissionDenied, reader);
            else Assert.Equal(StatusCode.PermissionDenied, reader);
        }
        Assert.True(await Grpc(method, TestPartners.AllScopesKey) is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied));
    }

    [Fact]
    public async Task A_valid_token_from_the_configured_issuer_is_a_partner_with_its_scopes()
    {
        var reader = await WithToken(Tokens.Signed(Tokens.Claims("marriage.read")), HttpMethod.Get, "/api/marriage/v1/appointments/apt_x");
        Assert.Equal(HttpStatusCode.NotFound, reader.StatusCode); // through to the service, which does not know it

        var writer = await WithToken(Tokens.Signed(Tokens.Claims("marriage.read")), HttpMethod.Post, "/api/marriage/v1/appointments");
        Assert.Equal(HttpStatusCode.Forbidden, writer.StatusCode);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { Tokens.Signed(Tokens.Claims("marriage.read", expires: DateTimeOffset.UtcNow.AddHours(-1))), "expired" },
        { Tokens.Signed(Tokens.Claims("marriage.read"), key: "another key of thirty-two bytes or more......"u8.ToArray()), "signature" },
        { Tokens.Signed(Tokens.Claims("marriage.read"), alg: "none"), "HS256" },
        { Tokens.Signed(Tokens.Claims("marriage.read", aud: "someone-else")), "audience" },
        { "not.a.token", "cannot be read" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_that_fails_any_check_is_refused_saying_why(string token, string reason)
    {
        var path = $"/api/marriage/v1/appointments/apt_{Guid.NewGuid():N}";

        var response = await WithToken(token, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.DoesNotContain(platform.Marriage.Received.All, r => r.Path == path);
    }

    private static (string Family, string Needed) ScopeOf(ContractMethod method)
    {
        var family = FamilyOfPackage[method.Method.Service.File.Package];
        return (family, $"{family}.{(method.IsRead ? "read" : "write")}");
    }

    private static void AssertRefused((int Status, JsonElement? Problem) answer, int? status, string rpc)
    {
        if (status is null) return;
        Assert.True(answer.Status == status, $"{rpc}: expected {status}, got {answer.Status}");
        Assert.NotNull(answer.Problem);
        Assert.Equal(status, answer.Problem.Value.GetProperty("status").GetInt32());
    }

    private async Task<(int Status, JsonElement? Problem)> Rest(ContractMethod method, string? apiKey)
    {
        using var client = TestPartners.Client(platform.Gateway.HttpUrl, apiKey);
        var path = method.Rest!.PathParameters.Aggregate(method.Rest.Template, (p, name) => p.Replace($"{{{name}}}", "x1"));
        using var request = new HttpRequestMessage(new HttpMethod(method.Rest.Verb), path);
        if (method.Rest.Verb is not "GET" and not "DELETE") request.Content = JsonContent.Create(new { });
        using var response = await client.SendAsync(request);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<JsonElement>()
            : (JsonElement?)null;
        return ((int)response.StatusCode, problem);
    }

    private async Task<StatusCode> Grpc(ContractMethod method, string? apiKey)
    {
        using var channel = platform.GrpcAs(apiKey);
        var bytes = Marshallers.Create(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Method.Service.FullName, method.Method.Name, bytes, bytes);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(), []);
            return StatusCode.OK;
        }
        catch (RpcException refused)
        {
            return refused.StatusCode;
        }
    }

    private async Task<HttpResponseMessage> WithToken(string token, HttpMethod verb, string path)
    {
        using var client = TestPartners.Client(platform.Gateway.HttpUrl, apiKey: null);
        using var request = new HttpRequestMessage(verb, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (verb == HttpMethod.Post) request.Content = JsonContent.Create(new { });
        return await client.SendAsync(request);
    }
}
