using System.Security.Cryptography;
using Google.Protobuf;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>A hash of a request's content without its idempotency key: a retry carries the same, a new request not.</summary>
internal static class Fingerprint
{
    public static string Of<T>(T request, Action<T> clearKey) where T : IMessage<T>, IDeepCloneable<T>
    {
        var copy = request.Clone();
        clearKey(copy);
        return Convert.ToHexString(SHA256.HashData(copy.ToByteArray()));
    }
}
