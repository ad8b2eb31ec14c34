using System.Security.Cryptography;
using System.Text;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// A caller's idempotency key and a fingerprint of what it asked for. The same key with the same request replays the
/// first outcome; the same key with a different request is refused rather than silently answered with the old one.
/// </summary>
public sealed record IdempotencyStamp(string Key, string Fingerprint)
{
    public static IdempotencyStamp? For(string? key, params string[] requestParts)
    {
        if (key is null) return null;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', requestParts)));
        return new IdempotencyStamp(key, Convert.ToHexString(bytes));
    }
}
