using System.Text.RegularExpressions;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>
/// What operators watch of the feedback window (ARCHITECTURE.md), on the platform's shared instruments: ratings per
/// window and level (the satisfaction rate is satisfied-or-above over all), rectification steps, and the overdue cases
/// per window. Tags hold window codes, levels and actions only, never a person.
/// </summary>
public sealed class FeedbackMetrics(PlatformMetrics metrics) : IFeedbackObserver
{
    public void Rated(Rating rating) => metrics.Rated(rating.Window, Code(rating.Level.ToString()));

    public void Stepped(RectificationCase rectification, CaseStep step) => metrics.RectificationStep(rectification.Window, Code(step.Action.ToString()));

    /// <summary>Records the overdue counts of every window from a fresh look at the overdue list (zero where none).</summary>
    public void OverdueNow(IEnumerable<RectificationCase> overdue)
    {
        var counts = overdue.GroupBy(c => c.Window).ToDictionary(g => g.Key, g => g.Count());
        foreach (var window in Enum.GetValues<Window>().Where(w => w.IsDefined()))
            metrics.OverdueRectifications(window, counts.GetValueOrDefault(window));
    }

    /// <summary>VeryDissatisfied -> VERY_DISSATISFIED: labels read like the contract's enum values.</summary>
    private static string Code(string name) => Regex.Replace(name, "(?<!^)([A-Z])", "_$1").ToUpperInvariant();
}
