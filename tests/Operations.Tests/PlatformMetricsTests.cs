using System.Diagnostics.Metrics;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Operations.Tests;

/// <summary>The domain metrics the services record: on the platform meter, labelled with the window and nothing personal.</summary>
[Collection(PlatformMeterCollection.Name)] // listens to the platform meter of the whole process
public sealed class PlatformMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<PlatformMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _recorded = [];

    public PlatformMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlatformMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _recorded.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));

    private PlatformMetrics Metrics => _services.GetRequiredService<PlatformMetrics>();

    [Fact]
    public void A_refusal_is_counted_under_its_window_and_rule()
    {
        Metrics.Refused(Window.MarriageRegistration, "slot-full");
        var (instrument, value, tags) = Assert.Single(_recorded);
        Assert.Equal("civilaffairs.refusals", instrument);
        Assert.Equal(1, value);
        Assert.Equal(new Dictionary<string, object?> { ["civilaffairs.window"] = "MARRIAGE_REGISTRATION", ["rule"] = "slot-full" }, tags);
    }

    [Fact]
    public void Slot_fill_is_the_share_of_places_taken_and_an_empty_slot_records_nothing()
    {
        Metrics.SlotFilled(Window.MarriageRegistration, taken: 15, capacity: 20);
        Metrics.SlotFilled(Window.MarriageRegistration, taken: 0, capacity: 0);
        var (instrument, value, _) = Assert.Single(_recorded);
        Assert.Equal(("civilaffairs.slot.fill", 0.75), (instrument, value));
    }

    [Fact]
    public void Every_instrument_labels_the_window_it_concerns()
    {
        Metrics.AppointmentBooked(Window.MarriageRegistration);
        Metrics.CertificateIssued(Window.MarriageRegistration, TimeSpan.FromMinutes(25));
        Metrics.QueueLength(Window.MarriageRegistration, 7);
        Metrics.ApplicationsInState(Window.SocialAssistance, "UNDER_INVESTIGATION", 12);
        Metrics.OverdueApplications(Window.SocialAssistance, 2);
        Metrics.Rated(Window.PlaceNames, "SATISFIED");
        Metrics.Rectifications(Window.FuneralServices, open: 3, overdue: 1);

        Assert.Equal(8, _recorded.Count);
        Assert.All(_recorded, r => Assert.True(WindowCodes.TryParse(r.Tags["civilaffairs.window"] as string, out _), r.Instrument));
        Assert.Contains(_recorded, r => r is { Instrument: "civilaffairs.check_in_to_certificate.duration", Value: 1500 });
        Assert.Contains(_recorded, r => r.Instrument == "civilaffairs.ratings" && (string?)r.Tags["level"] == "SATISFIED");
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}

/// <summary>Tests that record or listen to the platform meter, which is process-wide: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformMeterCollection
{
    public const string Name = "platform meter";
}
