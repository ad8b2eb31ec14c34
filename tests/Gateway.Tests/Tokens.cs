using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CivilAffairs.Gateway.Tests;

/// <summary>JWTs as the bureau's token issuer would sign them (HS256), and broken ones.</summary>
public static class Tokens
{
    public static string Signed(object claims, string alg = "HS256", byte[]? key = null)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg, typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Encode(HMACSHA256.HashData(key ?? TestPartners.TokenSigningKey, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    /// <summary>A payload as it is written, valid JSON or not, signed with the test key (HS256).</summary>
    public static string SignedPayload(string payloadJson)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(Encoding.UTF8.GetBytes(payloadJson));
        var signature = Encode(HMACSHA256.HashData(TestPartners.TokenSigningKey, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    public static object Claims(string scope, string sub = "provincial-platform", string? aud = null, DateTimeOffset? expires = null) => new
    {
        iss = TestPartners.TokenIssuer,
        aud = aud ?? TestPartners.TokenAudience,
        sub,
        scope,
        exp = (expires ?? DateTimeOffset.UtcNow.AddMinutes(10)).ToUnixTimeSeconds(),
    };

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
