using CivilAffairs.SharedKernel;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>
/// Every window's staff sign in on the public wall (亮身份) and publish a commitment (亮承诺); one registration comes
/// without a photo (400). Returns who serves at each window, for the ratings later in the day.
/// </summary>
public sealed class StaffRoom(Counter counter, Residents residents, Random random)
{
    public async Task<IReadOnlyDictionary<Window, string>> PlayAsync(IEnumerable<Window> windows)
    {
        var serving = new Dictionary<Window, string>();
        foreach (var window in windows)
        {
            for (var i = 0; i < 2; i++)
            {
                var staff = await counter.PostAsync(window, "register a staff member", "/api/staff/v1/staff", Member(window));
                if (staff?.GetProperty("staffId").GetString() is not { } id) continue;
                if (serving.TryAdd(window, id))
                    await counter.PostAsync(window, "publish a commitment", $"/api/staff/v1/staff/{id}/commitments", new
                    {
                        text = "当日受理，限时办结，不让群众跑第二趟",
                        deadline = OfficeCalendar.Format(OfficeCalendar.Today.AddDays(30)),
                    });
            }
            await counter.GetAsync(window, "who serves at this window", $"/api/staff/v1/windows/{window.Code()}/staff");
        }
        var withoutPhoto = Member(Window.ElderlyCare) with { photo_url = "" };
        await counter.PostAsync(Window.ElderlyCare, "register a staff member without a photo", "/api/staff/v1/staff", withoutPhoto);
        return serving;
    }

    private StaffForm Member(Window window) => new(residents.Name(), $"D{random.Next(100_000, 1_000_000)}",
        $"/photos/staff-{random.Next(1000, 10000)}.jpg", window.Code(), "chaoyang-hall", "窗口受理员");

    private sealed record StaffForm(string name, string badge_number, string photo_url, string window, string office_id, string post);
}
