using System.Diagnostics.Metrics;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>
/// What operators watch (ARCHITECTURE.md): ratings per window and level (the satisfaction rate is satisfied-or-above
/// over all), rectification cases opened and stepped, and the overdue ones per window. Tags hold window codes, levels
/// and actions only, never a person.
/// </summary>
public sealed class FeedbackMetrics : IFeedbackObserver
{
    public const string MeterName = "CivilAffairs.Feedback";

    private readonly Counter<long> _ratings;
    private readonly Counter<long> _steps;
    private readonly Dictionary<Window, int> _overdue = [];

    public FeedbackMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _ratings = Meter.CreateCounter<long>("civilaffairs.feedback.ratings", description: "Ratings given, by window and level");
        _steps = Meter.CreateCounter<long>("civilaffairs.feedback.rectification.steps", description: "Rectification steps taken, by window and action");
        Meter.CreateObservableGauge("civilaffairs.feedback.rectification.overdue", ObserveOverdue,
            description: "Open rectification cases past their deadline, by window, as of the last check");
    }

    public Meter Meter { get; }

    public void Rated(Rating rating) => _ratings.Add(1,
        new KeyValuePair<string, object?>("civilaffairs.window", rating.Window.Code()),
        new KeyValuePair<string, object?>("level", rating.Level.ToString()),
        new KeyValuePair<string, object?>("satisfied", rating.Level.IsSatisfiedOrAbove()));

    public void Stepped(RectificationCase rectification, CaseStep step) => _steps.Add(1,
        new KeyValuePair<string, object?>("civilaffairs.window", rectification.Window.Code()),
        new KeyValuePair<string, object?>("action", step.Action.ToString()));

    /// <summary>Replaces the overdue counts with a fresh look at the overdue list.</summary>
    public void OverdueNow(IEnumerable<RectificationCase> overdue)
    {
        var counts = overdue.GroupBy(c => c.Window).ToDictionary(g => g.Key, g => g.Count());
        lock (_overdue)
        {
            _overdue.Clear();
            foreach (var (window, count) in counts) _overdue[window] = count;
        }
    }

    private IEnumerable<Measurement<int>> ObserveOverdue()
    {
        lock (_overdue)
            return Enum.GetValues<Window>().Where(w => w.IsDefined())
                .Select(w => new Measurement<int>(_overdue.GetValueOrDefault(w), new KeyValuePair<string, object?>("civilaffairs.window", w.Code())))
                .ToList();
    }
}
