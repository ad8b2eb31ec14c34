using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Feedback.Tests.Support;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>Conduct evaluators over REST: appointed, listed publicly with masked names, reporting on windows.</summary>
public sealed class EvaluatorRestTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private const string Phone = "13600009876";
    private readonly HttpClient _http = host.CreateClient();

    private async Task<string> AppointAsync()
    {
        var response = await _http.PostAsJsonAsync("/api/feedback/v1/evaluators", new
        {
            name = "孙小红", phone = Phone, affiliation = "社区居民代表", termStart = "2026-01-01", termEnd = "2027-12-31",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Phone, body);
        Assert.DoesNotContain("孙小红", body);
        return JsonDocument.Parse(body).RootElement.GetProperty("evaluatorId").GetString()!;
    }

    [Fact]
    public async Task An_appointed_evaluator_is_listed_masked_and_reports_on_a_window()
    {
        var id = await AppointAsync();

        var listed = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/evaluators");
        var report = await _http.PostAsJsonAsync($"/api/feedback/v1/evaluators/{id}/reports", new
        {
            window = "FUNERAL_SERVICES", staffId = "staff-f1", visitedOn = "2026-11-01", score = 92, findings = "文明用语规范",
        });
        var reports = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/FUNERAL_SERVICES/inspection-reports?fromDate=2026-11-01");

        Assert.Contains(listed.GetProperty("evaluators").EnumerateArray(), e => e.GetProperty("maskedName").GetString() == "孙*红");
        Assert.DoesNotContain(Phone, listed.ToString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(92, reports.GetProperty("averageScore").GetDouble());
        Assert.Equal("文明用语规范", reports.GetProperty("reports")[0].GetProperty("findings").GetString());
    }

    [Fact]
    public async Task A_report_outside_the_term_is_refused_with_the_rule_and_bad_fields_are_400()
    {
        var id = await AppointAsync();

        var outOfTerm = await _http.PostAsJsonAsync($"/api/feedback/v1/evaluators/{id}/reports", new
        {
            window = "FUNERAL_SERVICES", visitedOn = "2025-12-31", score = 50, findings = "未在任期",
        });
        var bad = await _http.PostAsJsonAsync($"/api/feedback/v1/evaluators/{id}/reports", new { window = "FUNERAL_SERVICES", score = 150 });

        await outOfTerm.RefusedAsync(HttpStatusCode.BadRequest);
        Assert.Contains("evaluator-out-of-term", await outOfTerm.Content.ReadAsStringAsync());
        Assert.Equal(["score", "findings", "visited_on"], await bad.RefusedAsync(HttpStatusCode.BadRequest));
    }
}
