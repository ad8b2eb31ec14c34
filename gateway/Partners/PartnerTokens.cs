using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// JWT bearer tokens from the bureau's token issuer, configured in section <c>Jwt</c> (<c>Issuer</c>, <c>Audience</c>,
/// <c>SigningKeyBase64</c>): HS256 only, signature checked in constant time, <c>iss</c>, <c>aud</c>, <c>exp</c> (required)
/// and <c>nbf</c> checked with one minute of clock skew. The partner is <c>sub</c>; its scopes are <c>scope</c>
/// (space-separated). Without a <c>Jwt</c> section no token is accepted.
/// </summary>
public sealed class PartnerTokens(IConfiguration configuration, TimeProvider clock)
{
    public const string Section = "Jwt";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    private readonly string? _issuer = configuration[$"{Section}:Issuer"];
    private readonly string? _audience = configuration[$"{Section}:Audience"];
    private readonly byte[]? _key = configuration[$"{Section}:SigningKeyBase64"] is { Length: > 0 } key
        ? Convert.FromBase64String(key)
        : null;

    /// <summary>The partner the token names, or null with <paramref name="problem"/> saying why it was refused.</summary>
    public ClaimsPrincipal? Validate(string token, out string? problem)
    {
        problem = null;
        if (_key is null || _issuer is null || _audience is null)
            return Refuse("bearer tokens are not accepted by this gateway", out problem);
        var parts = token.Split('.');
        if (parts.Length != 3) return Refuse("the bearer token is not a JWT", out problem);
        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "HS256")
                return Refuse("the bearer token must be signed with HS256", out problem);

            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url(parts[2])))
                return Refuse("the bearer token's signature is not valid", out problem);

            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var claims = payload.RootElement;
            if (claims.ValueKind != JsonValueKind.Object) return Refuse("the bearer token has no claims", out problem);
            if (Text(claims, "iss") != _issuer) return Refuse("the bearer token is from another issuer", out problem);
            if (!Audiences(claims).Contains(_audience)) return Refuse("the bearer token is for another audience", out problem);
            var now = clock.GetUtcNow();
            if (Time(claims, "exp") is not { } expires) return Refuse("the bearer token has no expiry", out problem);
            if (now > expires + Skew) return Refuse("the bearer token has expired", out problem);
            if (Time(claims, "nbf") is { } notBefore && now < notBefore - Skew)
                return Refuse("the bearer token is not valid yet", out problem);
            if (Text(claims, "sub") is not { Length: > 0 } partner) return Refuse("the bearer token names no partner", out problem);

            var scopes = (Text(claims, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return PartnerClaims.Principal(partner, scopes, "jwt");
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException)
        {
            return Refuse("the bearer token cannot be read", out problem);
        }
    }

    private static ClaimsPrincipal? Refuse(string reason, out string? problem)
    {
        problem = reason;
        return null;
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static IEnumerable<string?> Audiences(JsonElement claims) =>
        !claims.TryGetProperty("aud", out var aud) ? []
        : aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : null)
        : aud.ValueKind == JsonValueKind.String ? [aud.GetString()]
        : [];

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url") };
        return Convert.FromBase64String(padded);
    }
}
