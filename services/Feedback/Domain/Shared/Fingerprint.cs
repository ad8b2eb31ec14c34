using System.Security.Cryptography;
using System.Text;

namespace CivilAffairs.Feedback.Domain;

/// <summary>A stable digest of a request's content, to tell a retry from a different request under the same key.</summary>
public static class Fingerprint
{
    public static string Of(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p?.ToString() ?? "\u2400"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
