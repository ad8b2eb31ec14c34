namespace CivilAffairs.Feedback.Domain;

/// <summary>What happened to an insert guarded by unique keys.</summary>
public enum AddOutcome
{
    Added,
    /// <summary>The natural key (e.g. the service reference of a rating) is already taken.</summary>
    Duplicate,
    /// <summary>Another record was already stored under the same idempotency key (a concurrent retry).</summary>
    DuplicateIdempotencyKey,
}
