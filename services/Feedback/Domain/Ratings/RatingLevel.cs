namespace CivilAffairs.Feedback.Domain;

/// <summary>The five levels of GB/T 39734-2020; the numbers match the contract's <c>RatingLevel</c>.</summary>
public enum RatingLevel
{
    VerySatisfied = 1,
    Satisfied = 2,
    BasicallySatisfied = 3,
    Dissatisfied = 4,
    VeryDissatisfied = 5,
}

public static class RatingLevels
{
    public static readonly IReadOnlyList<RatingLevel> All =
        [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.BasicallySatisfied, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    public static bool IsDefined(this RatingLevel level) => (int)level is >= 1 and <= 5;

    /// <summary>"Satisfied and above": what the satisfaction rate counts.</summary>
    public static bool IsSatisfiedOrAbove(this RatingLevel level) => level is RatingLevel.VerySatisfied or RatingLevel.Satisfied;

    /// <summary>A bad rating: it opens a rectification case.</summary>
    public static bool IsDissatisfied(this RatingLevel level) => level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;
}
