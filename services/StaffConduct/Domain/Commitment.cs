namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// A written promise with a deadline (亮承诺), public from the moment it is made. Its status is computed from the
/// outcome and the bureau's day, so "overdue" needs no job to flip it.
/// </summary>
public sealed record Commitment(
    string Id,
    string StaffId,
    Window Window,
    string Text,
    DateOnly Deadline,
    DateTimeOffset PublishedAt,
    CommitmentOutcome? Outcome)
{
    public const int MaxTextLength = 500;

    public CommitmentStatus StatusOn(DateOnly today) => Outcome switch
    {
        { Kept: true } => CommitmentStatus.Kept,
        { Kept: false } => CommitmentStatus.Broken,
        null when Deadline < today => CommitmentStatus.Overdue,
        _ => CommitmentStatus.Published,
    };
}

/// <summary>Kept or broken, with the evidence for it, who recorded it and when.</summary>
public sealed record CommitmentOutcome(bool Kept, string Evidence, string RecordedBy, DateTimeOffset RecordedAt);
