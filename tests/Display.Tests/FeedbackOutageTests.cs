using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Display.Tests;

/// <summary>Its own platform: the test stops the feedback service.</summary>
public sealed class FeedbackOutageTests : IClassFixture<DisplayPlatform>
{
    private readonly DisplayPlatform _platform;

    public FeedbackOutageTests(DisplayPlatform platform) => _platform = platform;

    [Fact]
    public async Task With_the_feedback_service_stopped_the_window_page_still_shows_the_staff_and_says_satisfaction_cannot_load()
    {
        const string window = "SOCIAL_ASSISTANCE";
        var bureau = new Bureau(_platform.Gateway);
        var staff = await bureau.RegisterStaffAsync(window, "south", "陈晓燕", "SA-007", "社会救助经办员",
            ["最低生活保障申请受理"], partyMember: true);
        await bureau.RateAsync(window, staff, "VERY_SATISFIED");
        var page = await _platform.OpenAsync($"/display/windows/{window}?office=south");
        await Expect(page.Locator("#satisfaction-rate")).ToHaveTextAsync("100.0%");

        _platform.StopFeedback();

        await Expect(page.Locator("#satisfaction")).ToContainTextAsync("暂时无法加载");
        await Expect(page.Locator("#replies")).ToContainTextAsync("暂时无法加载");
        await Expect(page.Locator(".staff-card", new() { HasText = "陈晓燕" })).ToContainTextAsync("社会救助经办员");
        await page.ReloadAsync();
        await Expect(page.Locator("#satisfaction")).ToContainTextAsync("暂时无法加载");
        await Expect(page.Locator(".staff-card", new() { HasText = "陈晓燕" })).ToContainTextAsync("最低生活保障申请受理");
        await DisplayPlatform.ScreenshotAsync(page, "window-page-feedback-down");
    }
}
