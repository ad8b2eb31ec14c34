using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>A record that may have been created under a caller's idempotency key.</summary>
public interface IIdempotentRecord
{
    Idempotency? Idempotency { get; }
}

/// <summary>
/// Creating a record at most once per idempotency key: a retry with the same key and content gets the first record
/// back, the same key with another content is refused, and a concurrent retry that loses the insert race reads the
/// winner's record.
/// </summary>
public static class IdempotentCreation
{
    public static async Task<T> CreateAsync<T>(
        string? key,
        string fingerprint,
        string what,
        Func<string, Task<T?>> findByKey,
        Func<Idempotency?, T> build,
        Func<T, Task<AddOutcome>> add,
        Func<T, Exception> duplicate) where T : class, IIdempotentRecord
    {
        if (key is not null && await EarlierAsync(key, fingerprint, what, findByKey) is { } earlier) return earlier;
        var record = build(key is null ? null : new Idempotency(key, fingerprint));
        return await add(record) switch
        {
            AddOutcome.Added => record,
            AddOutcome.DuplicateIdempotencyKey when key is not null => await EarlierAsync(key, fingerprint, what, findByKey)
                ?? throw new InvalidOperationException($"a {what} clashed on its idempotency key but cannot be read back"),
            _ => throw duplicate(record),
        };
    }

    /// <summary>For an entry appended to a record's history: true when an earlier entry was made under the same key
    /// with the same content (a retry, nothing to do); refused when the key was used for another entry.</summary>
    public static bool AlreadyAppended(IEnumerable<Idempotency?> earlier, string? key, string fingerprint, string what)
    {
        if (key is null || earlier.FirstOrDefault(i => i?.Key == key) is not { } used) return false;
        return used.Fingerprint == fingerprint
            ? true
            : throw new ValidationFailed("idempotency_key", $"was already used for a different {what}; use a new key");
    }

    private static async Task<T?> EarlierAsync<T>(string key, string fingerprint, string what, Func<string, Task<T?>> findByKey)
        where T : class, IIdempotentRecord
    {
        var earlier = await findByKey(key);
        if (earlier is null) return null;
        if (earlier.Idempotency?.Fingerprint != fingerprint)
            throw new ValidationFailed("idempotency_key", $"was already used for a different {what}; use a new key for a new request");
        return earlier;
    }
}
