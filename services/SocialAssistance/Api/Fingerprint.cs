using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>
/// A hash of a request's type and content without its idempotency key: a retry carries the same, another request
/// (or another step with the same key) does not.
/// </summary>
internal static class Fingerprint
{
    public static string Of<T>(T request) where T : IMessage<T>, IDeepCloneable<T>
    {
        var copy = request.Clone();
        if (copy.Descriptor.FindFieldByName("idempotency_key") is { FieldType: FieldType.String } key)
            key.Accessor.SetValue(copy, "");
        var bytes = System.Text.Encoding.UTF8.GetBytes(copy.Descriptor.FullName).Concat(copy.ToByteArray()).ToArray();
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
