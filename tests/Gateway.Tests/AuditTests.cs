using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Gateway.Tests;

/// <summary>One audit line per call, saying who called what and how it went; never whom it was about.</summary>
public sealed class AuditTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    [Fact]
    public async Task A_booking_leaves_one_audit_line_with_partner_route_window_status_and_trace_but_no_citizen()
    {
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(platform.Rest, office);
        var man = IdNumbers.Man(33);
        var woman = IdNumbers.Woman(30);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = Booking.InTrace(Booking.Couple(office, slot, man, woman), traceId);

        Assert.Equal(HttpStatusCode.OK, (await platform.Rest.SendAsync(request)).StatusCode);

        var audit = Assert.Single(platform.Gateway.Log.WaitFor(
            l => l.Category == "CivilAffairs.Gateway.Audit" && l.Message.Contains(traceId)));
        Assert.Contains("partner=all-scopes", audit.Message);
        Assert.Contains("route=marriage-rest", audit.Message);
        Assert.Contains("window=MARRIAGE_REGISTRATION", audit.Message);
        Assert.Contains("method=POST", audit.Message);
        Assert.Contains("status=200", audit.Message);
        Assert.Contains("duration_ms=", audit.Message);
        Assert.All(platform.Gateway.Log.Lines, line =>
        {
            Assert.DoesNotContain(man, line.Message);
            Assert.DoesNotContain(woman, line.Message);
            Assert.DoesNotContain("张三", line.Message);
        });
    }

    [Fact]
    public async Task A_refused_call_is_audited_too()
    {
        using var anonymous = TestPartners.Client(platform.Gateway.HttpUrl, apiKey: null);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/marriage/v1/appointments/a");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request)).StatusCode);

        var audit = Assert.Single(platform.Gateway.Log.WaitFor(
            l => l.Category == "CivilAffairs.Gateway.Audit" && l.Message.Contains(traceId)));
        Assert.Contains("partner=anonymous", audit.Message);
        Assert.Contains("status=401", audit.Message);
    }
}
