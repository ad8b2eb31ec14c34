using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Feedback.Tests.Support;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>The public suggestion box over REST: drop, reply, moderate, read.</summary>
public sealed class SuggestionBoxRestTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly HttpClient _http = host.CreateClient();

    private async Task<string> DropAsync(string text, string window = "CHILD_WELFARE")
    {
        var response = await _http.PostAsJsonAsync("/api/feedback/v1/suggestions", new { window, category = "环境设施", text, anonymous = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suggestionId").GetString()!;
    }

    [Fact]
    public async Task A_reply_is_public_and_a_hidden_suggestion_shows_its_reason_instead_of_its_text()
    {
        var kept = await DropAsync("儿童游乐区需要维修");
        var spam = await DropAsync("加微信领红包");

        var replied = await _http.PostAsJsonAsync($"/api/feedback/v1/suggestions/{kept}/replies", new { text = "本周内维修完毕", repliedBy = "主任" });
        var hidden = await _http.PostAsJsonAsync($"/api/feedback/v1/suggestions/{spam}/hide", new { reason = "广告", moderatedBy = "moderator-1" });
        var box = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/CHILD_WELFARE/suggestions?page.pageSize=10");

        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var listed = box.GetProperty("suggestions").EnumerateArray().ToDictionary(s => s.GetProperty("suggestionId").GetString()!);
        Assert.Equal("本周内维修完毕", listed[kept].GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.True(listed[spam].GetProperty("hidden").GetBoolean());
        Assert.Equal("广告", listed[spam].GetProperty("hiddenReason").GetString());
        Assert.Equal("", listed[spam].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_retried_reply_is_appended_once()
    {
        var id = await DropAsync("饮水机坏了");
        HttpRequestMessage Reply()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feedback/v1/suggestions/{id}/replies")
            {
                Content = JsonContent.Create(new { text = "已报修", repliedBy = "clerk-1" }),
            };
            request.Headers.Add("Idempotency-Key", "reply-1");
            return request;
        }

        await _http.SendAsync(Reply());
        var again = await (await _http.SendAsync(Reply())).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Single(again.GetProperty("replies").EnumerateArray());
    }

    [Fact]
    public async Task Hiding_twice_is_a_broken_rule_and_hiding_without_a_reason_is_400()
    {
        var id = await DropAsync("重复的意见");

        var noReason = await _http.PostAsJsonAsync($"/api/feedback/v1/suggestions/{id}/hide", new { moderatedBy = "moderator-1" });
        await _http.PostAsJsonAsync($"/api/feedback/v1/suggestions/{id}/hide", new { reason = "重复", moderatedBy = "moderator-1" });
        var again = await _http.PostAsJsonAsync($"/api/feedback/v1/suggestions/{id}/hide", new { reason = "重复", moderatedBy = "moderator-2" });

        Assert.Equal(["reason"], await noReason.RefusedAsync(HttpStatusCode.BadRequest));
        // FAILED_PRECONDITION is HTTP 400 under JSON transcoding; the body names the rule.
        await again.RefusedAsync(HttpStatusCode.BadRequest);
        Assert.Contains("suggestion-hidden", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_box_pages_with_the_token_it_gives_out()
    {
        for (var i = 0; i < 3; i++)
        {
            await DropAsync($"意见{i}", "PLACE_NAMES");
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/PLACE_NAMES/suggestions?page.pageSize=2");
        var token = first.GetProperty("page").GetProperty("nextPageToken").GetString();
        var second = await _http.GetFromJsonAsync<JsonElement>($"/api/feedback/v1/windows/PLACE_NAMES/suggestions?page.pageSize=2&page.pageToken={token}");

        Assert.Equal(["意见2", "意见1"], first.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(["意见0"], second.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task An_unknown_suggestion_is_404()
    {
        await (await _http.GetAsync("/api/feedback/v1/suggestions/s-unknown")).RefusedAsync(HttpStatusCode.NotFound);
    }
}
