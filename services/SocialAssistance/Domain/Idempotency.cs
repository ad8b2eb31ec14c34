using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A caller's idempotency key for one kind of write (<see cref="Scope"/>), with a fingerprint of the request's content:
/// the same key with the same content replays the first outcome, with other content it is refused.
/// </summary>
public sealed record IdempotencyClaim(string Scope, string Key, string Fingerprint);

/// <summary>What a key produced the first time: the id of the record it wrote.</summary>
public sealed record IdempotencyRecord(string Scope, string Key, string Fingerprint, string ResourceId);

/// <summary>Raised by a store when another request stored the same key first (a race): the caller replays.</summary>
public sealed class IdempotencyKeyTaken() : Exception("the idempotency key was stored by a concurrent request");

public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(string scope, string key);
}

public static class Idempotency
{
    /// <summary>The first outcome for this claim, or null when the key is new (or none was given).</summary>
    public static async Task<T?> ReplayAsync<T>(IIdempotencyStore store, IdempotencyClaim? claim, Func<string, Task<T?>> load)
        where T : class
    {
        if (claim is null) return null;
        var record = await store.FindAsync(claim.Scope, claim.Key);
        if (record is null) return null;
        if (record.Fingerprint != claim.Fingerprint)
            throw new ValidationFailed("idempotency_key", "was already used for a different request; send a new key for a new request");
        return await load(record.ResourceId)
            ?? throw new InvalidOperationException($"the {claim.Scope} stored for an idempotency key is missing");
    }

    /// <summary>Replays a stored outcome, or runs <paramref name="write"/>; a key stored meanwhile by a concurrent
    /// request replays that request's outcome.</summary>
    public static async Task<T> RunAsync<T>(IIdempotencyStore store, IdempotencyClaim? claim, Func<string, Task<T?>> load,
        Func<Task<T>> write) where T : class
    {
        if (await ReplayAsync(store, claim, load) is { } first) return first;
        try
        {
            return await write();
        }
        catch (IdempotencyKeyTaken)
        {
            return await ReplayAsync(store, claim, load) ?? throw new InvalidOperationException("a taken idempotency key was not found");
        }
    }
}
