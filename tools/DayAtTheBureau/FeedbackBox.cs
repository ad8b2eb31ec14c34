using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>
/// Citizens rate the service at every window (mostly satisfied, not all), drop suggestions (some anonymous), and one
/// tries to rate without an invitation (400); the window heads read their satisfaction.
/// </summary>
public sealed class FeedbackBox(Counter counter, Residents residents, Random random)
{
    private static readonly string[] Levels =
        ["VERY_SATISFIED", "VERY_SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED"];

    private static readonly string[] Suggestions =
        ["希望增加周末服务时间", "叫号屏幕字太小，老人看不清", "工作人员态度很好，点赞", "材料清单能否提前在网上公布"];

    public async Task PlayAsync(IEnumerable<Window> windows, IReadOnlyDictionary<Window, string> serving)
    {
        foreach (var window in windows)
        {
            for (var i = 0; i < 3; i++)
            {
                var invitation = await counter.PostAsync(window, "invite a rating", "/api/feedback/v1/invitations", new
                {
                    window = window.Code(),
                    staff_id = serving.GetValueOrDefault(window, ""),
                    service_reference = $"demo:{window.Code().ToLowerInvariant()}:{random.Next(100_000, 1_000_000)}",
                    channel = "ON_SITE_PAD",
                });
                if (invitation?.GetProperty("invitationId").GetString() is { } id)
                    await counter.PostAsync(window, "rate the service", "/api/feedback/v1/ratings",
                        new { invitation_id = id, level = Levels[random.Next(Levels.Length)] });
            }
            var anonymous = random.Next(2) == 0;
            await counter.PostAsync(window, anonymous ? "an anonymous suggestion" : "a suggestion with a callback number",
                "/api/feedback/v1/suggestions", new
                {
                    window = window.Code(), category = "服务态度", text = Suggestions[random.Next(Suggestions.Length)],
                    anonymous, name = anonymous ? "" : residents.Name(), phone = anonymous ? "" : residents.Phone(),
                });
            await counter.GetAsync(window, "satisfaction at this window", $"/api/feedback/v1/windows/{window.Code()}/satisfaction");
        }
        await counter.PostAsync(Window.PlaceNames, "rate without an invitation", "/api/feedback/v1/ratings", new { level = "SATISFIED" });
    }
}
