using System.Net.Http.Json;
using System.Text.Json;

namespace CivilAffairs.Display.Tests;

/// <summary>What the bureau's clerks and citizens do through the gateway's REST API before a screen shows it.</summary>
public sealed class Bureau(HttpClient gateway)
{
    /// <summary>The bureau's day (UTC+8) some days ahead, as the services count days.</summary>
    public static string Day(int daysAhead = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(daysAhead)).ToString("yyyy-MM-dd");

    public Task<JsonElement> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<JsonElement> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body)
    {
        using var response = await gateway.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> RegisterStaffAsync(string window, string office, string name, string badge, string post,
        string[] duties, bool partyMember)
    {
        var staff = await PostAsync("/api/staff/v1/staff", new
        {
            name, badge_number = badge, photo_url = $"https://photos.example.test/{badge}.svg", window, office_id = office,
            post, duties, party_member = partyMember,
        });
        return staff.GetProperty("staffId").GetString()!;
    }

    public Task OnDutyTodayAsync(string staffId) =>
        PutAsync($"/api/staff/v1/staff/{staffId}/duty/{Day()}", new { status = "ON_DUTY" });

    public Task PublishCommitmentAsync(string staffId, string text, string deadline) =>
        PostAsync($"/api/staff/v1/staff/{staffId}/commitments", new { text, deadline });

    public Task GrantModelWindowAsync(string window, string office) => PostAsync("/api/staff/v1/designations", new
    {
        kind = "PARTY_MEMBER_MODEL_WINDOW", window, office_id = office, granted_on = Day(),
        reason = "服务群众成效突出", granted_by = "县民政局党组",
    });

    public Task GrantPioneerPostAsync(string staffId) => PostAsync("/api/staff/v1/designations", new
    {
        kind = "PARTY_MEMBER_PIONEER_POST", staff_id = staffId, granted_on = Day(),
        reason = "党员带头践行“五个一”", granted_by = "县民政局党组",
    });

    /// <summary>A citizen rates a service they were invited to rate (一事一评).</summary>
    public async Task RateAsync(string window, string staffId, string level)
    {
        var invitation = await PostAsync("/api/feedback/v1/invitations", new
        {
            window, staff_id = staffId, service_reference = $"display-test:{Guid.NewGuid():N}", channel = "ON_SITE_PAD",
        });
        await PostAsync("/api/feedback/v1/ratings", new { invitation_id = invitation.GetProperty("invitationId").GetString(), level });
    }

    public async Task<string> DropSuggestionAsync(string window, string text, string name, string phone)
    {
        var suggestion = await PostAsync("/api/feedback/v1/suggestions", new
        {
            window, category = "办事效率", text, anonymous = false, name, phone,
        });
        return suggestion.GetProperty("suggestionId").GetString()!;
    }

    public Task ReplyAsync(string suggestionId, string text) =>
        PostAsync($"/api/feedback/v1/suggestions/{suggestionId}/replies", new { text, replied_by = "窗口负责人" });
}
