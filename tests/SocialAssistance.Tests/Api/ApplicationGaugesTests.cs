using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CivilAffairs.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Operators see the applications by state and the overdue ones, labelled with the window.</summary>
public sealed class ApplicationGaugesTests : FreshHostTests
{
    [Fact]
    public async Task Applications_are_counted_by_state_for_the_gauges()
    {
        var measured = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        var meters = Host.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlatformMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) =>
            measured.Enqueue((i.Name, v, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        await Steps.SubmittedAsync();
        var (_, second) = await Steps.SubmittedAsync(AssistanceHost.Couple(40_000, 0));
        await Steps.AcceptedAsync(second.ApplicationId);
        var gauges = Host.Services.GetServices<IHostedService>().OfType<ApplicationGauges>().Single();
        await gauges.CountAsync();

        long Last(string state) => measured.Last(m => m.Instrument == "civilaffairs.applications" && m.Tags.Contains($"state={state}")).Value;
        Assert.Equal((1, 1, 0), (Last("SUBMITTED"), Last("ACCEPTED"), Last("ACTIVE")));
        Assert.All(measured.Where(m => m.Instrument == "civilaffairs.applications"), m => Assert.Contains("civilaffairs.window=SOCIAL_ASSISTANCE", m.Tags));
        Assert.Contains(measured, m => m.Instrument == "civilaffairs.applications.overdue");
    }
}
