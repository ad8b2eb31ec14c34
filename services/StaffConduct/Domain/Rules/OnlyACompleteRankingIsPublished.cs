namespace CivilAffairs.StaffConduct.Domain.Rules;

/// <summary>A ranking with missing figures (the feedback service not answering) is not published: its titles are
/// withheld and its scores would not be the month's. Closing waits until the figures are there.</summary>
public static class OnlyACompleteRankingIsPublished
{
    public const string Rule = "ranking-figures-missing";

    public static void Check(MonthlyRanking ranking)
    {
        if (!ranking.Complete)
            throw new RuleViolated(Rule, $"{ranking.Month} cannot be published with figures missing: {string.Join("; ", ranking.MissingFigures.Take(3))}");
    }
}
