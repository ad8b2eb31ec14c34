namespace CivilAffairs.ServiceDefaults.Idempotency;

/// <summary>The first outcome of a keyed request: its response, or the refusal it got.</summary>
public sealed record StoredOutcome(int StatusCode, byte[]? Response, string? Detail, byte[]? Details);

public abstract record IdempotencyClaim
{
    /// <summary>The key is new (or its earlier attempt was abandoned): run the request and record its outcome.</summary>
    public sealed record Granted : IdempotencyClaim;

    /// <summary>The same request ran before: answer with its outcome.</summary>
    public sealed record Replay(StoredOutcome Outcome) : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Conflict : IdempotencyClaim;

    /// <summary>The same request is running right now.</summary>
    public sealed record InProgress : IdempotencyClaim;
}

/// <summary>Keyed requests of a service, in its own store: a unique key each, with the first outcome.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for a request; an unfinished claim older than <paramref name="abandonedAfter"/> is taken over.</summary>
    Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, DateTimeOffset now, TimeSpan abandonedAfter, CancellationToken cancellationToken);

    Task CompleteAsync(string key, StoredOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Gives the key back when the request failed for a reason a retry may not meet again.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
