using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// A democratic appraisal meeting (民主评议大会): when it was held, who attended, the score it gave each window
/// appraised, and the minutes. Attendees' names are shown masked.
/// </summary>
public sealed record AppraisalMeeting(
    string Id,
    string Title,
    DateOnly HeldOn,
    IReadOnlyList<Attendee> Attendees,
    IReadOnlyList<WindowScore> Scores,
    string Minutes,
    DateTimeOffset RecordedAt)
{
    public bool Equals(AppraisalMeeting? other) =>
        other is not null && Id == other.Id && Title == other.Title && HeldOn == other.HeldOn && Minutes == other.Minutes
        && RecordedAt == other.RecordedAt
        && Attendees.SequenceEqual(other.Attendees) && Scores.SequenceEqual(other.Scores);

    public override int GetHashCode() => HashCode.Combine(Id, HeldOn);
}

public sealed record Attendee(string Name, string? Role)
{
    public string MaskedName => Masking.MaskName(Name);

    public override string ToString() => $"{MaskedName} ({Role})";
}

/// <summary>The score, out of 100, a meeting gave one window.</summary>
public sealed record WindowScore(Window Window, double Score);

/// <summary>How a window fared in the meetings of a period: how many scored it, and their average.</summary>
public sealed record AppraisalFigures(int Meetings, double AverageScore)
{
    public static readonly AppraisalFigures None = new(0, 0);
}
