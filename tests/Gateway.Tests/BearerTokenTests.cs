using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// Bearer tokens on the standard stack (JwtBearer): shared secrets and public keys from a JWKS document, several of each
/// at once so the issuer can rotate keys; the checks a partner's developer would trip over, each refused with 401 and a
/// reason, never 500. The services behind this gateway are down: a token that passes gets 503, one that fails 401/403.
/// </summary>
public sealed class BearerTokenTests(BearerTokenTests.Issuer issuer) : IClassFixture<BearerTokenTests.Issuer>
{
    private const string Path = "/api/marriage/v1/appointments/apt_x";

    [Fact]
    public async Task Tokens_signed_with_any_current_key_are_accepted_old_and_new_shared_secrets_RSA_and_EC()
    {
        foreach (var key in issuer.CurrentKeys)
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(Sign(key, Claims("marriage.read")))).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_gateway_does_not_know_is_refused()
    {
        using var unknown = RSA.Create(2048);
        var token = Sign(new SigningCredentials(new RsaSecurityKey(unknown) { KeyId = "rsa-2026-11" }, SecurityAlgorithms.RsaSha256),
            Claims("marriage.read"));

        var response = await Get(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await Detail(response));
    }

    [Fact]
    public async Task The_scopes_of_the_token_decide_as_for_an_API_key()
    {
        var reader = Sign(issuer.CurrentKeys[2], Claims("marriage.read"));
        using var client = Client(reader);

        var booking = await client.PostAsJsonAsync("/api/marriage/v1/appointments", new { });

        Assert.Equal(HttpStatusCode.Forbidden, booking.StatusCode);
        Assert.Equal("marriage.write", (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requiredScope").GetString());
    }

    public static TheoryData<long> FarExpiries() => new()
    {
        253402300800,           // 10000-01-01T00:00:00Z, one second past what a date can hold
        253402300799 + 86400L * 366,
        long.MaxValue,
    };

    [Theory]
    [MemberData(nameof(FarExpiries))]
    public async Task A_token_that_expires_after_the_year_9999_is_refused_not_a_server_error(long exp)
    {
        var token = Tokens.Signed(new
        {
            iss = TestPartners.TokenIssuer, aud = TestPartners.TokenAudience, sub = "provincial-platform", scope = "marriage.read", exp,
        });

        var response = await Get(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(await Detail(response));
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { """{"iss":"https://auth.civilaffairs.test","aud":"civilaffairs-gateway","sub":"p","scope":"marriage.read","exp":1e300}""", "bearer token" },
        { """{"iss":"https://auth.civilaffairs.test","aud":"civilaffairs-gateway","sub":"p","scope":"marriage.read","exp":"soon"}""", "bearer token" },
        { """{"iss":"https://auth.civilaffairs.test","aud":"civilaffairs-gateway","sub":"p","scope":"marriage.read"}""", "expiry" },
        { """{"iss":"https://someone-else.test","aud":"civilaffairs-gateway","sub":"p","scope":"marriage.read","exp":4102444800}""", "issuer" },
        { """{"iss":"https://auth.civilaffairs.test","aud":"civilaffairs-gateway","scope":"marriage.read","exp":4102444800}""", "names no partner" },
        { """{"iss":"https://auth.civilaffairs.test","aud":"civilaffairs-gateway","sub":"p","exp":4102444800,"nbf":4102444000}""", "not valid yet" },
        { """[1,2,3]""", "bearer token" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_with_claims_that_do_not_hold_is_refused_saying_why(string payload, string reason)
    {
        var response = await Get(Tokens.SignedPayload(payload));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, await Detail(response));
    }

    [Fact]
    public async Task Over_grpc_a_token_in_the_authorization_metadata_signs_the_partner_in()
    {
        using var channel = GrpcChannel.ForAddress(issuer.Gateway.GrpcUrl);
        var client = new CivilAffairs.Marriage.V1.MarriageAppointments.MarriageAppointmentsClient(channel);
        var request = new CivilAffairs.Marriage.V1.GetAppointmentRequest { AppointmentId = "apt_x" };

        var valid = await Assert.ThrowsAsync<RpcException>(() => client.GetAppointmentAsync(request,
            new Metadata { { "authorization", $"Bearer {Sign(issuer.CurrentKeys[3], Claims("marriage.read"))}" } }).ResponseAsync);
        var forged = await Assert.ThrowsAsync<RpcException>(() => client.GetAppointmentAsync(request,
            new Metadata { { "authorization", "Bearer not.a.token" } }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, valid.StatusCode); // through to marriage, which is down
        Assert.Equal(StatusCode.Unauthenticated, forged.StatusCode);
    }

    [Fact]
    public async Task A_gateway_with_no_issuer_configured_accepts_no_token_and_says_so()
    {
        using var gateway = new GatewayOnKestrel(GatewayOnKestrel.AllDown(), new Dictionary<string, string?>
        {
            ["Jwt:Issuer"] = null, ["Jwt:Audience"] = null, ["Jwt:SigningKeyBase64"] = null,
        });
        gateway.StartServer();
        using var client = TestPartners.Client(gateway.HttpUrl, apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Signed(Tokens.Claims("marriage.read")));

        var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not accepted", await Detail(response));
    }

    private static Dictionary<string, object> Claims(string scope) => new()
    {
        ["iss"] = TestPartners.TokenIssuer,
        ["aud"] = TestPartners.TokenAudience,
        ["sub"] = "provincial-platform",
        ["scope"] = scope,
    };

    private static string Sign(SigningCredentials key, Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor { Claims = claims, Expires = DateTime.UtcNow.AddMinutes(10), SigningCredentials = key });

    private HttpClient Client(string token)
    {
        var client = TestPartners.Client(issuer.Gateway.HttpUrl, apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpResponseMessage> Get(string token)
    {
        using var client = Client(token);
        return await client.GetAsync(Path);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    /// <summary>The bureau's issuer as the gateway is configured for it: two shared secrets (the old one and the one
    /// replacing it) and a JWKS document with an RSA and an EC public key; all four sign tokens the gateway accepts.</summary>
    public sealed class Issuer : IDisposable
    {
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public GatewayOnKestrel Gateway { get; }
        public IReadOnlyList<SigningCredentials> CurrentKeys { get; }

        public Issuer()
        {
            var oldSecret = new SymmetricSecurityKey(TestPartners.TokenSigningKey);
            var newSecret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "hs-2026-12" };
            var rsa = new RsaSecurityKey(_rsa) { KeyId = "rsa-2026-12" };
            var ec = new ECDsaSecurityKey(_ec) { KeyId = "ec-2026-12" };
            var jwks = JsonSerializer.Serialize(new
            {
                keys = new[] { Public(JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa)), Public(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec)) },
            });
            CurrentKeys =
            [
                new SigningCredentials(oldSecret, SecurityAlgorithms.HmacSha256),
                new SigningCredentials(newSecret, SecurityAlgorithms.HmacSha256),
                new SigningCredentials(rsa, SecurityAlgorithms.RsaSha256),
                new SigningCredentials(ec, SecurityAlgorithms.EcdsaSha256),
            ];
            Gateway = new GatewayOnKestrel(GatewayOnKestrel.AllDown(), new Dictionary<string, string?>
            {
                ["Jwt:SigningKeysBase64:0"] = Convert.ToBase64String(newSecret.Key),
                ["Jwt:Jwks"] = jwks,
            });
            Gateway.StartServer();
        }

        /// <summary>Only the public half of a key goes into the gateway's configuration.</summary>
        private static Dictionary<string, string> Public(JsonWebKey key)
        {
            var fields = new Dictionary<string, string> { ["kty"] = key.Kty, ["kid"] = key.Kid, ["use"] = "sig" };
            if (key.Kty == "RSA")
            {
                fields["n"] = key.N;
                fields["e"] = key.E;
            }
            else
            {
                fields["crv"] = key.Crv;
                fields["x"] = key.X;
                fields["y"] = key.Y;
            }
            return fields;
        }

        public void Dispose()
        {
            Gateway.Dispose();
            _rsa.Dispose();
            _ec.Dispose();
        }
    }
}
