namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// A skills contest or drill (比技能): held on a day, open to one window or to all (<see cref="Window.Unspecified"/>),
/// scored out of <see cref="MaxScore"/>. Each participant is scored once.
/// </summary>
public sealed record Contest(string Id, string Title, Window Window, DateOnly HeldOn, double MaxScore, DateTimeOffset CreatedAt,
    IReadOnlyList<ContestScore> Scores)
{
    public const double HighestMaxScore = 1000;

    /// <summary>Scores best first with their rank; equal scores share a rank (1, 1, 3).</summary>
    public IReadOnlyList<(ContestScore Score, int Rank)> Ranked()
    {
        var ordered = Scores.OrderByDescending(s => s.Score).ThenBy(s => s.StaffId, StringComparer.Ordinal).ToList();
        return ordered.Select(s => (s, 1 + ordered.Count(o => o.Score > s.Score))).ToList();
    }

    /// <summary>A participant's score as a share of the maximum, 0..100.</summary>
    public double? PercentOf(string staffId) =>
        Scores.FirstOrDefault(s => s.StaffId == staffId) is { } score ? 100 * score.Score / MaxScore : null;
}

public sealed record ContestScore(string StaffId, double Score, DateTimeOffset RecordedAt);
