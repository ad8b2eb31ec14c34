using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.Platform.Tests.Otlp;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// What an operator sees after traffic for all ten windows went through the gateway: every span of every request, in
/// the gateway and in the service, names the window it served; requests per window show on /metrics; and nothing
/// exported (spans, log records, metrics) carries a citizen's ID number, phone number, or an anonymous suggester's name.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TenWindowsTelemetryTests(RunningPlatform platform)
{
    private const string AnonymousName = "欧阳匿名";
    private const string AnonymousPhone = "13712345678";
    private static readonly Window[] TenWindows = Enum.GetValues<Window>().Where(w => w.IsDefined()).ToArray();

    private readonly List<(string TraceId, Window Window, string What)> _sent = [];
    private readonly List<string> _secrets = [AnonymousName, AnonymousPhone];

    [Fact]
    public async Task Traffic_for_each_of_the_ten_windows_is_traced_and_counted_under_its_window_and_nothing_exported_identifies_a_citizen()
    {
        await SendMarriageTrafficAsync();
        await SendSocialAssistanceTrafficAsync();
        foreach (var window in TenWindows) await SendStaffAndFeedbackTrafficAsync(window);

        var spans = await SpansOfAllRequestsAsync();
        foreach (var (traceId, window, what) in _sent)
        {
            var trace = spans.Where(s => s.TraceId == traceId).ToList();
            Assert.True(trace.Select(s => s.Service).Distinct().Count() >= 2, $"{what}: the gateway and the service traced it");
            Assert.All(trace, span => Assert.True(span.Attribute("civilaffairs.window") == window.Code(),
                $"{what}: {span} carries civilaffairs.window={span.Attribute("civilaffairs.window") ?? "(none)"}, not {window.Code()}"));
        }
        Assert.All(platform.Telemetry.Spans, span => Assert.False(string.IsNullOrEmpty(span.Attribute("civilaffairs.window")),
            $"{span} has no civilaffairs.window"));

        var gatewayMetrics = await ScrapeAsync(platform.Apps.Single(a => a.Name == RunningPlatform.GatewayService).ManagementUrl);
        Assert.All(TenWindows, window => Assert.Contains($"civilaffairs_window=\"{window.Code()}\"", gatewayMetrics));
        Assert.Contains("http_response_status_code=\"400\"", gatewayMetrics); // the refusals, per window

        await WaitForMetricAndLogExportsAsync();
        var scrapes = await Task.WhenAll(platform.Apps.Select(app => ScrapeAsync(app.ManagementUrl)));
        var exported = platform.Telemetry.Exports.Concat(platform.Telemetry.LogExports)
            .Concat(platform.Telemetry.MetricExports).Concat(scrapes).ToList();
        foreach (var secret in _secrets)
            Assert.DoesNotContain(exported, text => text.Contains(secret, StringComparison.Ordinal));
    }

    private async Task SendMarriageTrafficAsync()
    {
        var office = Booking.NewOffice();
        var date = RunningPlatform.DaysAhead(12);
        var day = await SendAsync(Window.MarriageRegistration, "open a day", HttpMethod.Post,
            $"/api/marriage/v1/offices/{office}/days",
            new { date, slots = new[] { new { start_time = "09:00", end_time = "09:30", capacity = 5 } } });
        var slot = day.GetProperty("slots")[0].GetProperty("slotId").GetString()!;
        var man = Secret(IdNumbers.Man(32));
        var woman = Secret(IdNumbers.Woman(30));
        Secret("13800138000");
        Secret("13900139000");
        await SendAsync(Window.MarriageRegistration, "book", HttpMethod.Post, "/api/marriage/v1/appointments",
            Booking.Couple(office, slot, man, woman));
        await SendAsync(Window.MarriageRegistration, "book the same couple again", HttpMethod.Post,
            "/api/marriage/v1/appointments", Booking.Couple(office, slot, man, woman), HttpStatusCode.Conflict);
    }

    private async Task SendSocialAssistanceTrafficAsync()
    {
        var head = Secret(IdNumbers.Man(45));
        var child = Secret(IdNumbers.Woman(12));
        await SendAsync(Window.SocialAssistance, "register a household", HttpMethod.Post, "/api/assistance/v1/households", new
        {
            county_code = "110105",
            address = "朝阳区和平街 1 号",
            financial_assets_fen = 100000,
            members = new object[]
            {
                new { name = "赵大", id_number = head, relation = "HEAD", monthly_income_fen = 80000, work_capacity = "PARTIAL", health = "HEALTHY" },
                new { name = "赵小", id_number = child, relation = "CHILD", monthly_income_fen = 0, work_capacity = "NONE", health = "HEALTHY" },
            },
        });
    }

    private async Task SendStaffAndFeedbackTrafficAsync(Window window)
    {
        var code = window.Code();
        var staff = await SendAsync(window, "register a staff member", HttpMethod.Post, "/api/staff/v1/staff", new
        {
            name = "周服务", badge_number = $"B-{(int)window:00}-{Guid.NewGuid():N}"[..16], photo_url = "/photos/zhou.jpg",
            window = code, office_id = "chaoyang-hall", post = "窗口受理员",
        });
        await SendAsync(window, "register a staff member without a name", HttpMethod.Post, "/api/staff/v1/staff",
            new { window = code, office_id = "chaoyang-hall" }, HttpStatusCode.BadRequest);
        await SendAsync(window, "an anonymous suggestion", HttpMethod.Post, "/api/feedback/v1/suggestions", new
        {
            window = code, category = "服务态度", text = "希望增加周末服务时间", anonymous = true,
            name = AnonymousName, phone = AnonymousPhone,
        });
        var invitation = await SendAsync(window, "invite a rating", HttpMethod.Post, "/api/feedback/v1/invitations", new
        {
            window = code, staff_id = staff.GetProperty("staffId").GetString(),
            service_reference = $"ops-test:{Guid.NewGuid():N}", channel = "ON_SITE_PAD",
        });
        await SendAsync(window, "rate", HttpMethod.Post, "/api/feedback/v1/ratings", new
        {
            invitation_id = invitation.GetProperty("invitationId").GetString(), level = "SATISFIED",
        });
    }

    /// <summary>Sends one request in a trace of its own, naming the window as a partner does for shared routes.</summary>
    private async Task<JsonElement> SendAsync(Window window, string what, HttpMethod method, string path, object body,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("X-Window-Type", window.Code());
        using var response = await platform.Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{window.Code()}: {what}: {(int)response.StatusCode} {text}");
        _sent.Add((traceId, window, $"{window.Code()}: {what}"));
        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    private string Secret(string value)
    {
        _secrets.Add(value);
        return value;
    }

    /// <summary>Waits until every request's trace has arrived from the gateway and its service, and no more spans come.</summary>
    private async Task<IReadOnlyList<ReceivedSpan>> SpansOfAllRequestsAsync()
    {
        var traceIds = _sent.Select(s => s.TraceId).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var seen = -1;
        while (DateTime.UtcNow < deadline)
        {
            var spans = platform.Telemetry.Spans.Where(s => traceIds.Contains(s.TraceId)).ToList();
            var complete = traceIds.All(id => spans.Where(s => s.TraceId == id).Select(s => s.Service).Distinct().Count() >= 2);
            if (complete && spans.Count == seen) return spans;
            seen = spans.Count;
            await Task.Delay(500);
        }
        var missing = _sent.Where(s => platform.Telemetry.Spans.Where(span => span.TraceId == s.TraceId)
            .Select(span => span.Service).Distinct().Count() < 2).Select(s => s.What);
        Assert.Fail($"traces incomplete: {string.Join("; ", missing)}{Environment.NewLine}{platform.Output}");
        return [];
    }

    private async Task WaitForMetricAndLogExportsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && (platform.Telemetry.MetricExports.Count < platform.Apps.Count
            || platform.Telemetry.LogExports.Count == 0))
            await Task.Delay(250);
        Assert.True(platform.Telemetry.MetricExports.Count >= platform.Apps.Count, "every app exported its metrics");
        Assert.NotEmpty(platform.Telemetry.LogExports);
    }

    private async Task<string> ScrapeAsync(string baseUrl)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync($"{baseUrl}/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
