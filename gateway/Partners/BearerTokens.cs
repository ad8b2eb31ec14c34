using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// Bearer tokens (JWT) from the bureau's token issuer, validated by ASP.NET Core's JwtBearer handler with the keys in
/// configuration section <c>Jwt</c>, all of them accepted at once so that keys can be rotated (a new one published
/// beside the old one, the old one removed once no token signed with it is still valid):
/// <list type="bullet">
/// <item><c>Issuer</c>, <c>Audience</c>: required; <c>iss</c> and <c>aud</c> must match.</item>
/// <item><c>SigningKeyBase64</c> and/or <c>SigningKeysBase64:0</c>, <c>:1</c>, ...: shared secrets (HS256/384/512).</item>
/// <item><c>Jwks</c> (the JSON text of a JWKS document) and/or <c>JwksPath</c> (a file holding one): public keys
/// (RSA: RS256/PS256..., EC: ES256...), or <c>oct</c> secrets; a token's <c>kid</c> picks its key, a token without
/// one is tried against every key.</item>
/// </list>
/// <c>exp</c> is required; <c>exp</c> and <c>nbf</c> are checked with one minute of clock skew. The partner is <c>sub</c>;
/// its scopes are <c>scope</c> (space-separated). Without an issuer, an audience and a key no token is accepted.
/// No network: nothing is fetched from the issuer (no metadata, no JWKS URL).
/// </summary>
public static class BearerTokens
{
    public const string Section = "Jwt";

    /// <summary>Asymmetric and HMAC algorithms only: never <c>none</c>.</summary>
    public static readonly string[] Algorithms =
    [
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly long LatestExpiry = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Sets <paramref name="options"/> from the <c>Jwt</c> section of <paramref name="configuration"/>.</summary>
    public static void Configure(JwtBearerOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var keys = SigningKeys(section);
        var issuer = section["Issuer"];
        var audience = section["Audience"];
        var accepted = keys.Count > 0 && !string.IsNullOrWhiteSpace(issuer) && !string.IsNullOrWhiteSpace(audience);

        options.MapInboundClaims = false; // keep sub and scope as the issuer wrote them
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = JwtRegisteredClaimNames.Sub,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (!accepted && context.Request.Headers.Authorization.ToString()
                        .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    context.Fail("bearer tokens are not accepted by this gateway");
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                context.Fail(UnacceptedAlgorithm(context.Request) ?? Reason(context.Exception));
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var token = context.SecurityToken as JsonWebToken;
                if (token is null || !token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expires)
                    || expires > LatestExpiry)
                {
                    context.Fail("the bearer token's expiry is out of range");
                    return Task.CompletedTask;
                }
                var partner = token.Subject;
                if (string.IsNullOrWhiteSpace(partner))
                {
                    context.Fail("the bearer token names no partner");
                    return Task.CompletedTask;
                }
                var scopes = token.Claims.Where(c => c.Type == PartnerClaims.Scope)
                    .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                context.Principal = PartnerClaims.Principal(partner, scopes, "jwt");
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Why a token was refused, in words a partner's developer can act on.</summary>
    internal static string Reason(Exception refusal) => refusal switch
    {
        SecurityTokenExpiredException => "the bearer token has expired",
        SecurityTokenNotYetValidException => "the bearer token is not valid yet",
        SecurityTokenNoExpirationException => "the bearer token has no expiry",
        SecurityTokenInvalidLifetimeException or ArgumentOutOfRangeException or OverflowException =>
            "the bearer token's lifetime is out of range",
        SecurityTokenInvalidAudienceException => "the bearer token is for another audience",
        SecurityTokenInvalidIssuerException => "the bearer token is from another issuer",
        SecurityTokenInvalidAlgorithmException =>
            $"the bearer token must be signed with one of {string.Join(", ", Algorithms)}",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "the bearer token's signature is not valid",
        SecurityTokenMalformedException or ArgumentException => "the bearer token cannot be read",
        _ => "the bearer token is not valid",
    };

    /// <summary>A refused token's header names an algorithm this gateway never accepts (e.g. <c>none</c>): say so, rather
    /// than that no key verified its signature. Read only once a token has been refused.</summary>
    private static string? UnacceptedAlgorithm(HttpRequest request)
    {
        try
        {
            var token = new JsonWebToken(request.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
            return Algorithms.Contains(token.Alg, StringComparer.Ordinal) ? null
                : $"the bearer token must be signed with one of {string.Join(", ", Algorithms)}";
        }
        catch (ArgumentException)
        {
            return null; // not a JWT at all: the refusal says so
        }
    }

    private static List<SecurityKey> SigningKeys(IConfigurationSection section)
    {
        var keys = new List<SecurityKey>();
        var secrets = section.GetSection("SigningKeysBase64").GetChildren().Select(k => k.Value)
            .Prepend(section["SigningKeyBase64"]);
        foreach (var secret in secrets.OfType<string>().Where(s => s.Length > 0))
            keys.Add(new SymmetricSecurityKey(Convert.FromBase64String(secret)));
        if (section["Jwks"] is { Length: > 0 } jwks) keys.AddRange(new JsonWebKeySet(jwks).GetSigningKeys());
        if (section["JwksPath"] is { Length: > 0 } path) keys.AddRange(new JsonWebKeySet(File.ReadAllText(path)).GetSigningKeys());
        return keys;
    }
}
