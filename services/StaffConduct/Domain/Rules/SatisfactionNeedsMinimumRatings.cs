using System.Globalization;

namespace CivilAffairs.StaffConduct.Domain.Rules;

/// <summary>
/// A satisfaction rate counts only from a configured number of ratings (<see cref="PerformanceRules.MinimumRatings"/>):
/// one "very satisfied" rating is not a satisfaction of 100%. Below it, the rate is neither shown nor scored, and the
/// line says so.
/// </summary>
public static class SatisfactionNeedsMinimumRatings
{
    public static bool Counts(PerformanceRules rules, SatisfactionFigure? figure) =>
        figure is not null && figure.Ratings >= Math.Max(1, rules.MinimumRatings);

    /// <summary>The remark for a figure below the minimum; null when it counts or there is no figure.</summary>
    public static string? Remark(PerformanceRules rules, SatisfactionFigure? figure) =>
        figure is null || Counts(rules, figure)
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{PerformanceRules.Satisfaction}: {figure.Ratings} rating(s), fewer than the {Math.Max(1, rules.MinimumRatings)} a satisfaction rate needs; not counted");
}
