namespace CivilAffairs.SharedKernel;

/// <summary>
/// A refusal the caller can act on. The Api layer turns each kind into its gRPC status (and HTTP status over REST):
/// nothing here knows about gRPC. Messages are for a clerk to read and never hold a full ID number.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>Bad input: INVALID_ARGUMENT (HTTP 400) with every offending field named.</summary>
public sealed class ValidationFailed : DomainException
{
    public IReadOnlyList<FieldViolation> Violations { get; }

    public ValidationFailed(string field, string description)
        : this([new FieldViolation(field, description)]) { }

    public ValidationFailed(IReadOnlyList<FieldViolation> violations)
        : base(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
    {
        Violations = violations;
    }
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>Collects field violations so a caller hears about all of them at once.</summary>
public sealed class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public Validator Require(bool condition, string field, string description)
    {
        if (!condition) _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public Validator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public bool IsValid => _violations.Count == 0;

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0) throw new ValidationFailed(_violations.ToList());
    }
}

/// <summary>An unknown id: NOT_FOUND (HTTP 404).</summary>
public sealed class NotFound(string resource, string id)
    : DomainException($"{resource} '{Shown(id)}' was not found")
{
    public string Resource { get; } = resource;
    public string Id { get; } = Shown(id);

    /// <summary>An id as an answer may repeat it: a caller's megabyte of text is not sent back to it.</summary>
    private static string Shown(string id) => id.Length <= 80 ? id : id[..80] + "…";
}

/// <summary>A rule of the domain refuses the request: FAILED_PRECONDITION, with the rule named.</summary>
public sealed class RuleViolated(string rule, string message) : DomainException(message)
{
    /// <summary>A stable name for the rule, e.g. <c>slot-full</c> or <c>under-legal-age</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>The thing already exists: ALREADY_EXISTS (HTTP 409).</summary>
public sealed class AlreadyExists(string resource, string message) : DomainException(message)
{
    public string Resource { get; } = resource;
}

/// <summary>A limit is reached for now: RESOURCE_EXHAUSTED (HTTP 429) with a retry hint.</summary>
public sealed class LimitReached(string message, TimeSpan retryAfter) : DomainException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
