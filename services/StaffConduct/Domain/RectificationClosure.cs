namespace CivilAffairs.StaffConduct.Domain;

/// <summary>How a rectification case ended; numbers match <c>civilaffairs.feedback.v1.CaseOutcome</c>.</summary>
public enum RectificationOutcome
{
    Resolved = 1,
    Unresolved = 2,
    RatingVoided = 3,
}

/// <summary>The close of the rectification case a complaint opened in the feedback service.</summary>
public sealed record RectificationClosure(
    string CaseId,
    string StaffId,
    string RatingId,
    bool OnTime,
    RectificationOutcome Outcome,
    DateOnly ClosedOn,
    DateTimeOffset RecordedAt);
