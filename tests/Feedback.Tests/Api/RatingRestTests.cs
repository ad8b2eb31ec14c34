using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Feedback.Tests.Support;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>The same RPCs as a partner calls them over REST/JSON under /api/feedback/v1.</summary>
public sealed class RatingRestTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly HttpClient _http = host.CreateClient();

    // Each test rates its own window or reads its own staff member, since the host is shared by the class.
    private async Task<string> InviteAsync(string reference, string window = "DISABILITY_WELFARE", string staff = "staff-rest")
    {
        var response = await _http.PostAsJsonAsync("/api/feedback/v1/invitations", new { window, staffId = staff, serviceReference = reference, channel = "WEB" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetString()!;
    }

    private static object Rating(string invitationId, string level = "SATISFIED") => new { invitationId, level };

    [Fact]
    public async Task A_rating_posted_as_json_is_stored_and_counted()
    {
        var invitation = await InviteAsync("funeral:1", "FUNERAL_SERVICES");
        var created = await _http.PostAsJsonAsync("/api/feedback/v1/ratings", Rating(invitation, "VERY_SATISFIED"));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("VERY_SATISFIED", body.GetProperty("level").GetString());
        Assert.Equal("FUNERAL_SERVICES", body.GetProperty("window").GetString());

        var summary = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/FUNERAL_SERVICES/satisfaction?fromDate=2026-11-02");
        Assert.Equal(1, summary.GetProperty("total").GetInt32());
        Assert.Equal(1.0, summary.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(5, summary.GetProperty("counts").GetArrayLength());
    }

    [Fact]
    public async Task A_second_rating_of_the_same_service_is_409()
    {
        var invitation = await InviteAsync("disability:2");
        await _http.PostAsJsonAsync("/api/feedback/v1/ratings", Rating(invitation));

        var second = await _http.PostAsJsonAsync("/api/feedback/v1/ratings", Rating(invitation, "DISSATISFIED"));

        await second.RefusedAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_comment_over_500_characters_is_400_naming_the_field()
    {
        var response = await _http.PostAsJsonAsync("/api/feedback/v1/ratings", new
        {
            invitationId = await InviteAsync("place:1", "PLACE_NAMES"), level = "SATISFIED", comment = new string('慢', 501),
        });

        Assert.Equal(["comment"], await response.RefusedAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_missing_level_is_400_naming_the_field()
    {
        var response = await _http.PostAsJsonAsync("/api/feedback/v1/ratings", new { invitationId = await InviteAsync("place:2", "PLACE_NAMES") });

        Assert.Equal(["level"], await response.RefusedAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_content_is_400_naming_the_key()
    {
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/feedback/v1/ratings") { Content = JsonContent.Create(Rating(await InviteAsync("disability:3"))) };
        first.Headers.Add("Idempotency-Key", "rest-key-1");
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/feedback/v1/ratings") { Content = JsonContent.Create(Rating(await InviteAsync("disability:4"))) };
        other.Headers.Add("Idempotency-Key", "rest-key-1");

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(first)).StatusCode);
        Assert.Equal(["idempotency_key"], await (await _http.SendAsync(other)).RefusedAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_rating_without_an_invitation_is_400_and_an_unknown_invitation_404()
    {
        var missing = await _http.PostAsJsonAsync("/api/feedback/v1/ratings", new { level = "SATISFIED" });
        var unknown = await _http.PostAsJsonAsync("/api/feedback/v1/ratings", Rating("inv-unknown"));

        Assert.Equal(["invitation_id"], await missing.RefusedAsync(HttpStatusCode.BadRequest));
        await unknown.RefusedAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_window_in_the_path_is_400()
    {
        var response = await _http.GetAsync("/api/feedback/v1/windows/WINDOW_TYPE_UNSPECIFIED/satisfaction");

        Assert.Equal(["window"], await response.RefusedAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_staff_summary_answers_over_rest_with_a_period()
    {
        await _http.PostAsJsonAsync("/api/feedback/v1/ratings", Rating(await InviteAsync("elderly:1", "ELDERLY_CARE", "staff-rest-2"), "BASICALLY_SATISFIED"));

        var summary = await _http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/staff/staff-rest-2/satisfaction?fromDate=2026-11-01&toDate=2026-11-30");

        Assert.Equal(1, summary.GetProperty("total").GetInt32());
        Assert.Equal(0.0, summary.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal("2026-11-30", summary.GetProperty("toDate").GetString());
    }

    [Fact]
    public async Task A_monthly_trend_of_a_staff_member_answers_over_rest_and_needs_exactly_one_scope()
    {
        await _http.PostAsJsonAsync("/api/feedback/v1/ratings", Rating(await InviteAsync("trend:1", "CHILD_WELFARE", "staff-trend"), "SATISFIED"));

        var trend = await _http.GetFromJsonAsync<JsonElement>(
            "/api/feedback/v1/satisfaction-trend?staffId=staff-trend&fromDate=2026-10-01&toDate=2026-11-30");
        var neither = await _http.GetAsync("/api/feedback/v1/satisfaction-trend");

        Assert.Equal(["2026-10", "2026-11"], trend.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(1.0, trend.GetProperty("months")[1].GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(["window"], await neither.RefusedAsync(HttpStatusCode.BadRequest));
    }
}
