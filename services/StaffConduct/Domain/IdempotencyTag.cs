using System.Security.Cryptography;
using System.Text;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// The idempotency key of a write and a fingerprint of what was asked, stored with the record it created, so a retry
/// with the same key gets the first outcome back and the same key with other content is refused.
/// </summary>
public sealed record IdempotencyTag(string Key, string Fingerprint)
{
    public static IdempotencyTag? For(string? key, params object?[] content) =>
        string.IsNullOrWhiteSpace(key) ? null : new IdempotencyTag(key, FingerprintOf(content));

    private static string FingerprintOf(object?[] content)
    {
        var text = string.Join('\u001f', content.Select(part => part switch
        {
            null => "",
            IEnumerable<string> list => string.Join('\u001e', list),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => part.ToString(),
        }));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>A record found by the idempotency key it was written with, and the fingerprint of that first request.</summary>
public sealed record Remembered<T>(T Value, string Fingerprint);

public static class Idempotency
{
    /// <summary>
    /// Runs a write once per key: a known key replays the first outcome (or refuses different content); otherwise
    /// <paramref name="write"/> runs and returns false when a concurrent request took the key first, in which case
    /// that request's outcome is replayed.
    /// </summary>
    public static async Task<T> WriteOnceAsync<T>(IdempotencyTag? tag,
        Func<string, Task<Remembered<T>?>> findByKey, Func<Task<(bool Stored, T Value)>> write, string keyField = "idempotency_key")
    {
        if (tag is not null && await findByKey(tag.Key) is { } earlier) return Replay(earlier, tag, keyField);
        var (stored, value) = await write();
        if (stored || tag is null) return value;
        var raced = await findByKey(tag.Key)
            ?? throw new InvalidOperationException("the idempotency key was reported taken but no record holds it");
        return Replay(raced, tag, keyField);
    }

    private static T Replay<T>(Remembered<T> earlier, IdempotencyTag tag, string keyField) =>
        earlier.Fingerprint == tag.Fingerprint
            ? earlier.Value
            : throw new ValidationFailed(keyField,
                "was already used for a different request; send a new key for new content");
}
