using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>The same RPCs through JSON transcoding, as partners call them through the gateway.</summary>
public sealed class StaffRestTests : IDisposable
{
    private readonly StaffHost _host = new();
    private readonly HttpClient _http;

    public StaffRestTests() => _http = _host.CreateClient();

    public void Dispose() => _host.Dispose();

    private static object Member(string badge, string window = "MARRIAGE_REGISTRATION", string photo = "photos/a.jpg") => new
    {
        name = "王芳",
        badgeNumber = badge,
        photoUrl = photo,
        window,
        officeId = "office-1",
        post = "婚姻登记员",
        duties = new[] { "结婚登记" },
        partyMember = false,
    };

    private async Task<JsonElement> RegisterAsync(string badge, string window = "MARRIAGE_REGISTRATION")
    {
        var response = await _http.PostAsJsonAsync("/api/staff/v1/staff", Member(badge, window));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Register_then_get_over_rest()
    {
        var registered = await RegisterAsync("R-100");
        var id = registered.GetProperty("staffId").GetString();
        var read = await _http.GetFromJsonAsync<JsonElement>($"/api/staff/v1/staff/{id}");
        Assert.Equal("王芳", read.GetProperty("name").GetString());
        Assert.Equal("MARRIAGE_REGISTRATION", read.GetProperty("window").GetString());
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var response = await _http.PostAsJsonAsync("/api/staff/v1/staff", Member("R-101", photo: "data:image/png;base64,AA"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("photo_url", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_staff_member_is_404()
    {
        var response = await _http.GetAsync("/api/staff/v1/staff/nobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nobody", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_taken_badge_number_is_409()
    {
        await RegisterAsync("R-102");
        var response = await _http.PostAsJsonAsync("/api/staff/v1/staff", Member("R-102", "ELDERLY_CARE"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("R-102", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("MARRIAGE_REGISTRATION")]
    [InlineData("1")]
    public async Task The_window_route_takes_the_enum_name_or_its_number(string window)
    {
        var member = await RegisterAsync("R-103");
        await RegisterAsync("R-104", "SOCIAL_ASSISTANCE");
        var shown = await _http.GetFromJsonAsync<JsonElement>($"/api/staff/v1/windows/{window}/staff");
        Assert.Equal("MARRIAGE_REGISTRATION", shown.GetProperty("window").GetString());
        var staff = shown.GetProperty("staff").EnumerateArray().ToList();
        Assert.Equal(member.GetProperty("staffId").GetString(), Assert.Single(staff).GetProperty("staff").GetProperty("staffId").GetString());
    }

    [Fact]
    public async Task An_unknown_window_in_the_route_is_400()
    {
        var response = await _http.GetAsync("/api/staff/v1/windows/NO_SUCH_WINDOW/staff");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_commitment_retried_with_the_same_idempotency_key_header_is_published_once()
    {
        var id = (await RegisterAsync("R-105")).GetProperty("staffId").GetString();
        async Task<HttpResponseMessage> PublishAsync(string text)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/v1/staff/{id}/commitments")
            {
                Content = JsonContent.Create(new { text, deadline = _host.Date(3) }),
            };
            request.Headers.Add("Idempotency-Key", "pub-1");
            return await _http.SendAsync(request);
        }
        var first = await (await PublishAsync("热情服务")).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await PublishAsync("热情服务")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("commitmentId").GetString(), again.GetProperty("commitmentId").GetString());
        Assert.Equal("PUBLISHED", first.GetProperty("status").GetString());

        var different = await PublishAsync("另一个承诺");
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Contains("idempotency_key", await different.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_400_naming_deadline()
    {
        var id = (await RegisterAsync("R-106")).GetProperty("staffId").GetString();
        var response = await _http.PostAsJsonAsync($"/api/staff/v1/staff/{id}/commitments", new { text = "x", deadline = _host.Date(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("deadline", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_change_is_a_patch_and_its_history_a_get()
    {
        var id = (await RegisterAsync("R-107")).GetProperty("staffId").GetString();
        var change = new
        {
            name = "王芳", badgeNumber = "R-107", photoUrl = "photos/b.jpg", window = "MARRIAGE_REGISTRATION", officeId = "office-1",
            post = "窗口负责人", duties = new[] { "结婚登记", "离婚登记" }, reason = "任命", expectedVersion = 1,
        };
        var response = await _http.PatchAsJsonAsync($"/api/staff/v1/staff/{id}", change);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stale = await _http.PatchAsJsonAsync($"/api/staff/v1/staff/{id}", change);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode); // FAILED_PRECONDITION is 400 over transcoding
        Assert.Contains("version 2", await stale.Content.ReadAsStringAsync());
        var history = await _http.GetFromJsonAsync<JsonElement>($"/api/staff/v1/staff/{id}/history");
        Assert.Equal(2, history.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Duty_is_put_per_day_and_the_roster_read_per_window_and_day()
    {
        var id = (await RegisterAsync("R-108")).GetProperty("staffId").GetString();
        var put = await _http.PutAsJsonAsync($"/api/staff/v1/staff/{id}/duty/{_host.Date(0)}", new { status = "OUT", note = "下乡" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var roster = await _http.GetFromJsonAsync<JsonElement>($"/api/staff/v1/windows/MARRIAGE_REGISTRATION/duty/{_host.Date(0)}");
        var line = Assert.Single(roster.GetProperty("lines").EnumerateArray());
        Assert.Equal("OUT", line.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_overdue_list_is_a_get_filtered_by_window()
    {
        var id = (await RegisterAsync("R-109")).GetProperty("staffId").GetString();
        await _http.PostAsJsonAsync($"/api/staff/v1/staff/{id}/commitments", new { text = "x", deadline = _host.Date(0) });
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = await _http.GetFromJsonAsync<JsonElement>("/api/staff/v1/commitments/overdue?window=MARRIAGE_REGISTRATION");
        Assert.Equal(1, overdue.GetProperty("commitments")[0].GetProperty("daysOverdue").GetInt32());
        var none = await _http.GetFromJsonAsync<JsonElement>("/api/staff/v1/commitments/overdue?window=PLACE_NAMES");
        Assert.False(none.TryGetProperty("commitments", out var list) && list.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Cases_contests_and_the_ranking_answer_over_rest()
    {
        var id = (await RegisterAsync("R-110")).GetProperty("staffId").GetString();
        var cases = await _http.PostAsJsonAsync($"/api/staff/v1/staff/{id}/cases",
            new { month = "2026-11", count = 12, source = "marriage", eventId = "rest-evt-1" });
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        Assert.Equal(12, (await cases.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("monthTotal").GetInt32());

        var contest = await (await _http.PostAsJsonAsync("/api/staff/v1/contests",
            new { title = "技能比武", window = "MARRIAGE_REGISTRATION", heldOn = _host.Date(0), maxScore = 100 })).Content.ReadFromJsonAsync<JsonElement>();
        var contestId = contest.GetProperty("contestId").GetString();
        var scored = await _http.PostAsJsonAsync($"/api/staff/v1/contests/{contestId}/scores", new { scores = new[] { new { staffId = id, score = 91.5 } } });
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);

        // Nothing listens for the feedback service here: the ranking still answers and says what is missing.
        var ranking = await _http.GetFromJsonAsync<JsonElement>("/api/staff/v1/windows/MARRIAGE_REGISTRATION/rankings/2026-11");
        var line = ranking.GetProperty("lines")[0];
        Assert.Equal(12, line.GetProperty("figures").GetProperty("casesHandled").GetInt32());
        Assert.Equal(91.5, line.GetProperty("figures").GetProperty("contestScorePercent").GetDouble());
        Assert.False(ranking.TryGetProperty("complete", out var complete) && complete.GetBoolean());
    }

    [Fact]
    public async Task An_inspection_against_an_unknown_rule_is_400_naming_rule_id()
    {
        var id = (await RegisterAsync("R-111")).GetProperty("staffId").GetString();
        var response = await _http.PostAsJsonAsync($"/api/staff/v1/staff/{id}/inspections",
            new { ruleId = "NOPE", kind = "VIOLATION", inspector = "李明", evidence = "照片", observedOn = _host.Date(0) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rule_id", await response.Content.ReadAsStringAsync());
        var code = await _http.GetFromJsonAsync<JsonElement>("/api/staff/v1/conduct-code");
        Assert.True(code.GetProperty("rules").GetArrayLength() >= 10);
    }

    [Fact]
    public async Task The_catalogue_is_read_per_window_per_item_and_by_keyword_over_rest()
    {
        var window = await _http.GetFromJsonAsync<JsonElement>("/api/staff/v1/catalogue/windows/MARRIAGE_REGISTRATION/items");
        Assert.Equal(3, window.GetProperty("items").GetArrayLength());
        var item = await _http.GetFromJsonAsync<JsonElement>("/api/staff/v1/catalogue/items/MR-02");
        Assert.Equal("离婚登记", item.GetProperty("content").GetProperty("name").GetString());
        var found = await _http.GetFromJsonAsync<JsonElement>($"/api/staff/v1/catalogue/search?keyword={Uri.EscapeDataString("离婚")}");
        Assert.Equal("MR-02", found.GetProperty("items")[0].GetProperty("itemId").GetString());
        var missing = await _http.GetAsync("/api/staff/v1/catalogue/items/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
