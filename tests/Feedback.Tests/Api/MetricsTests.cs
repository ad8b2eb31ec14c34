using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Api;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>The measurements operators chart: ratings by window and level, and overdue cases by window.</summary>
public sealed class MetricsTests : IDisposable
{
    private readonly FeedbackHost _host = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measured = new();

    public MetricsTests()
    {
        _host.With("Feedback:Rectification:OverdueCheckInterval", "01:00:00");
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This host's platform instruments only: other tests' hosts run in the same process.
            if (instrument.Meter.Name == PlatformMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));

    public void Dispose()
    {
        _listener.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task A_rating_is_counted_with_its_window_and_level_and_an_overdue_case_shows_on_the_gauge()
    {
        var client = _host.Client();
        await client.InviteAndRateAsync(WindowType.ChildWelfare, "metrics:1", RatingLevel.VeryDissatisfied);

        var rating = Assert.Single(_measured, m => m.Instrument == "civilaffairs.ratings");
        Assert.Equal("CHILD_WELFARE", rating.Tags["civilaffairs.window"]);
        Assert.Equal("VERY_DISSATISFIED", rating.Tags["level"]);

        _host.Clock.Advance(TimeSpan.FromDays(14));
        var overdue = 0L;
        await Eventually.TrueAsync(() =>
        {
            overdue = _measured.LastOrDefault(m => m.Instrument == "civilaffairs.rectifications.overdue"
                && (string?)m.Tags["civilaffairs.window"] == "CHILD_WELFARE").Value;
            return overdue != 0;
        });
        Assert.Equal(1, overdue);
    }
}
