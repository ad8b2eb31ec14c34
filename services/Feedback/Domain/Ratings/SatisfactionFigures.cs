namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// Counts per level (all five, zeros included), the total and the satisfaction rate: (very satisfied + satisfied)
/// over the total, 0 when nobody rated.
/// </summary>
public sealed class SatisfactionFigures
{
    private readonly Dictionary<RatingLevel, int> _counts;

    public SatisfactionFigures(IEnumerable<KeyValuePair<RatingLevel, int>> counts)
    {
        _counts = RatingLevels.All.ToDictionary(level => level, _ => 0);
        foreach (var (level, count) in counts)
            if (_counts.ContainsKey(level)) _counts[level] += count;
    }

    public static SatisfactionFigures Empty { get; } = new([]);

    public int CountOf(RatingLevel level) => _counts[level];

    public IEnumerable<KeyValuePair<RatingLevel, int>> Counts => RatingLevels.All.Select(l => KeyValuePair.Create(l, _counts[l]));

    public int Total => _counts.Values.Sum();

    public int SatisfiedOrAbove => RatingLevels.All.Where(l => l.IsSatisfiedOrAbove()).Sum(l => _counts[l]);

    public double SatisfactionRate => Total == 0 ? 0 : (double)SatisfiedOrAbove / Total;
}
