using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Feedback.Tests.Support;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>Appraisal meetings over REST, and their scores in the window statistics.</summary>
public sealed class AppraisalMeetingRestTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly HttpClient _http = host.CreateClient();

    [Fact]
    public async Task A_recorded_meeting_is_read_back_masked_and_scores_the_window_statistics()
    {
        var recorded = await _http.PostAsJsonAsync("/api/feedback/v1/appraisal-meetings", new
        {
            title = "第四季度民主评议大会", heldOn = "2026-10-28",
            attendees = new[] { new { name = "郑国强", role = "政协委员" } },
            scores = new[] { new { window = "ADOPTION_REGISTRATION", score = 94.0 } },
            minutes = "与会代表对收养登记窗口给予好评。",
        });
        var body = await recorded.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(body).RootElement.GetProperty("meetingId").GetString();

        var read = await _http.GetFromJsonAsync<JsonElement>($"/api/feedback/v1/appraisal-meetings/{id}");
        var statistics = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/ADOPTION_REGISTRATION/statistics?fromDate=2026-10-01");
        var listed = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/appraisal-meetings?fromDate=2026-10-01&toDate=2026-10-31");

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.DoesNotContain("郑国强", body);
        Assert.Equal("郑*强", read.GetProperty("attendees")[0].GetProperty("maskedName").GetString());
        Assert.Equal(94.0, statistics.GetProperty("appraisal").GetProperty("averageScore").GetDouble());
        Assert.Equal(1, listed.GetProperty("meetings").GetArrayLength());
    }

    [Fact]
    public async Task A_meeting_without_scores_is_400_and_an_unknown_one_404()
    {
        var noScores = await _http.PostAsJsonAsync("/api/feedback/v1/appraisal-meetings", new
        {
            title = "评议", heldOn = "2026-10-28", attendees = new[] { new { name = "郑国强" } }, minutes = "纪要",
        });

        Assert.Equal(["scores"], await noScores.RefusedAsync(HttpStatusCode.BadRequest));
        await (await _http.GetAsync("/api/feedback/v1/appraisal-meetings/am-unknown")).RefusedAsync(HttpStatusCode.NotFound);
    }
}
