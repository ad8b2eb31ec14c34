using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.Platform.Tests.Otlp;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// What an operator sees in the trace viewer after a partner books through the gateway: one trace across the gateway
/// and the marriage service, every span tagged with the window, and no citizen's ID number anywhere.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OneTraceAcrossGatewayAndServiceTests(RunningPlatform platform)
{
    [Fact]
    public async Task A_rest_booking_through_the_gateway_is_one_trace_tagged_with_its_window_and_free_of_id_numbers()
    {
        var date = RunningPlatform.DaysAhead(10);
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(platform.Gateway, office, capacity: 5, date: date);
        var man = IdNumbers.Man(31);
        var woman = IdNumbers.Woman(29);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = Booking.InTrace(Booking.Couple(office, slot, man, woman), traceId);

        var booked = await platform.Gateway.SendAsync(request);
        Assert.True(booked.StatusCode == HttpStatusCode.OK, await booked.Content.ReadAsStringAsync());

        var trace = await SpansOfTraceAsync(traceId, RunningPlatform.GatewayService, RunningPlatform.MarriageService);
        Assert.Equal([RunningPlatform.GatewayService, RunningPlatform.MarriageService],
            trace.Select(s => s.Service).Distinct().Order());
        Assert.All(trace, span => Assert.True(span.Attribute("civilaffairs.window") == "MARRIAGE_REGISTRATION",
            $"{span} carries civilaffairs.window={span.Attribute("civilaffairs.window") ?? "(none)"}"));
        foreach (var export in platform.Telemetry.Exports)
        {
            Assert.DoesNotContain(man, export);
            Assert.DoesNotContain(woman, export);
        }
    }

    /// <summary>The spans of one trace once both services have exported theirs (they batch every 200 ms).</summary>
    private async Task<IReadOnlyList<ReceivedSpan>> SpansOfTraceAsync(string traceId, params string[] services)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = -1;
        while (DateTime.UtcNow < deadline)
        {
            var spans = platform.Telemetry.Spans.Where(s => s.TraceId == traceId).ToList();
            // Done when every service has reported and no further span arrived in the last round.
            if (services.All(service => spans.Any(s => s.Service == service)) && spans.Count == seen) return spans;
            seen = spans.Count;
            await Task.Delay(500);
        }
        var received = platform.Telemetry.Spans.Where(s => s.TraceId == traceId).Select(s => s.ToString());
        Assert.Fail($"trace {traceId} did not reach the receiver from {string.Join(", ", services)}; "
            + $"received: [{string.Join("; ", received)}]; all {platform.Telemetry.Spans.Count} spans received: "
            + $"[{string.Join("; ", platform.Telemetry.Spans.Take(40))}]{Environment.NewLine}{platform.Output}");
        return [];
    }
}
