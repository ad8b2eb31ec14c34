namespace CivilAffairs.Feedback.Domain;

/// <summary>What happened to an insert guarded by a natural key.</summary>
public enum AddOutcome
{
    Added,
    /// <summary>The natural key (e.g. the service reference of a rating) is already taken; nothing was written.</summary>
    Duplicate,
}
