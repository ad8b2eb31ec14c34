namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// A citizen's rating of a staff member, as the feedback service reported it. Every rating is kept (the good ones count
/// for performance); a bad one is a complaint on the conduct record.
/// </summary>
public sealed record ServiceRating(
    string RatingId,
    string StaffId,
    Window Window,
    RatingLevel Level,
    DateOnly RatedOn,
    string? RectificationCaseId,
    DateTimeOffset RecordedAt)
{
    public bool IsComplaint => Level.IsComplaint();
}
