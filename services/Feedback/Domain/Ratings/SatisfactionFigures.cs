namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// Counts per level (all five, zeros included), the total and the satisfaction rate: (very satisfied + satisfied)
/// over the total, 0 when nobody rated. Ratings withdrawn on appeal are not counted, but how many there were is
/// published with the figures (<see cref="WithdrawnOnAppeal"/>).
/// </summary>
public sealed class SatisfactionFigures
{
    private readonly Dictionary<RatingLevel, int> _counts;

    public SatisfactionFigures(IEnumerable<KeyValuePair<RatingLevel, int>> counts, int withdrawnOnAppeal = 0)
    {
        WithdrawnOnAppeal = withdrawnOnAppeal;
        _counts = RatingLevels.All.ToDictionary(level => level, _ => 0);
        foreach (var (level, count) in counts)
            if (_counts.ContainsKey(level)) _counts[level] += count;
    }

    public static SatisfactionFigures Empty { get; } = new([]);

    public int CountOf(RatingLevel level) => _counts[level];

    public IEnumerable<KeyValuePair<RatingLevel, int>> Counts => RatingLevels.All.Select(l => KeyValuePair.Create(l, _counts[l]));

    public int Total => _counts.Values.Sum();

    /// <summary>Ratings in scope that an upheld appeal found mistaken or malicious: kept on record, not in <see cref="Total"/>.</summary>
    public int WithdrawnOnAppeal { get; }

    public int SatisfiedOrAbove => RatingLevels.All.Where(l => l.IsSatisfiedOrAbove()).Sum(l => _counts[l]);

    public double SatisfactionRate => Total == 0 ? 0 : (double)SatisfiedOrAbove / Total;
}
