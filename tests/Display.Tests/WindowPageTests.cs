using CivilAffairs.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Display.Tests;

[Collection(DisplayCollection.Name)]
public sealed class WindowPageTests(DisplayPlatform platform)
{
    private const string Window = "ELDERLY_CARE";

    [Fact]
    public async Task A_window_page_shows_the_staff_their_commitments_and_this_months_satisfaction_created_through_the_api()
    {
        var bureau = new Bureau(platform.Gateway);
        var office = $"office-{Guid.NewGuid():N}"[..16];
        var wang = await bureau.RegisterStaffAsync(Window, office, "王丽华", "YL-001", "养老服务专员",
            ["养老服务补贴申请受理", "高龄津贴资格认证", "养老机构咨询"], partyMember: true);
        await bureau.RegisterStaffAsync(Window, office, "赵建国", "YL-002", "综合窗口受理员", ["政策咨询与引导"], partyMember: false);
        await bureau.OnDutyTodayAsync(wang);
        await bureau.PublishCommitmentAsync(wang, "资料齐全的养老服务补贴申请当场受理，5个工作日内办结", Bureau.Day(30));
        await bureau.GrantModelWindowAsync(Window, office);
        await bureau.GrantPioneerPostAsync(wang);
        await bureau.RateAsync(Window, wang, "VERY_SATISFIED");
        await bureau.RateAsync(Window, wang, "SATISFIED");
        await bureau.RateAsync(Window, wang, "DISSATISFIED");
        var suggestion = await bureau.DropSuggestionAsync(Window, "希望为行动不便的老人提供上门认证", "刘芳", "13512345678");
        await bureau.ReplyAsync(suggestion, "已开通高龄老人上门认证服务，可电话预约");

        var page = await platform.OpenAsync($"/display/windows/{Window}?office={office}");

        await Expect(page.Locator("h1")).ToHaveTextAsync("养老服务窗口");
        var card = page.Locator(".staff-card", new() { HasText = "王丽华" });
        await Expect(card).ToContainTextAsync("养老服务专员");
        await Expect(card).ToContainTextAsync("在岗");
        await Expect(card).ToContainTextAsync("高龄津贴资格认证");
        await Expect(card).ToContainTextAsync("资料齐全的养老服务补贴申请当场受理，5个工作日内办结");
        await Expect(card).ToContainTextAsync($"期限 {Bureau.Day(30)}");
        await Expect(card).ToContainTextAsync("进行中");
        await Expect(card).ToContainTextAsync("党员先锋岗");
        await Expect(page.Locator(".staff-card", new() { HasText = "赵建国" })).ToContainTextAsync("综合窗口受理员");
        await Expect(page.Locator("#designations")).ToContainTextAsync("党员示范窗口");
        await Expect(page.Locator("#satisfaction-rate")).ToHaveTextAsync("66.7%");
        await Expect(page.Locator("#satisfaction")).ToContainTextAsync("本月评价 3 次");
        await Expect(page.Locator("#replies")).ToContainTextAsync("刘*：希望为行动不便的老人提供上门认证");
        await Expect(page.Locator("#replies")).ToContainTextAsync("已开通高龄老人上门认证服务");
        await Privacy.AssertNoFullNumbersAsync(page, "13512345678", "刘芳");
        await DisplayPlatform.ScreenshotAsync(page, "window-page");

        // The screen refreshes itself: a new rating shows up without anyone touching it.
        await bureau.RateAsync(Window, wang, "SATISFIED");
        await Expect(page.Locator("#satisfaction-rate")).ToHaveTextAsync("75.0%");
        await Expect(page.Locator("#satisfaction")).ToContainTextAsync("本月评价 4 次");
    }

    [Fact]
    public async Task Replies_to_suggestions_show_the_citizen_masked_and_no_full_id_or_phone_number_appears_anywhere()
    {
        const string window = "CHILD_WELFARE";
        var bureau = new Bureau(platform.Gateway);
        var idNumber = IdNumbers.Man(40);
        const string citizenPhone = "13912345678";
        const string replyPhone = "13800138000";
        var suggestion = await bureau.DropSuggestionAsync(window,
            $"材料审核太慢，请尽快联系我：身份证{idNumber}，电话{citizenPhone}", "王小明", citizenPhone);
        await bureau.ReplyAsync(suggestion, $"已安排专人跟进并增加周末值班窗口，咨询电话{replyPhone}");

        var page = await platform.OpenAsync($"/display/windows/{window}");

        var reply = page.Locator("#replies .reply");
        await Expect(reply).ToContainTextAsync("王*明");
        await Expect(reply).ToContainTextAsync("已安排专人跟进并增加周末值班窗口");
        await Expect(reply).ToContainTextAsync("138****8000");
        await Expect(reply).ToContainTextAsync($"{idNumber[..6]}********{idNumber[^4..]}");
        await Privacy.AssertNoFullNumbersAsync(page, idNumber, citizenPhone, replyPhone, "王小明");
    }

    [Fact]
    public async Task On_a_phone_the_window_page_fits_the_screen_width()
    {
        const string window = "FUNERAL_SERVICES";
        var bureau = new Bureau(platform.Gateway);
        var staff = await bureau.RegisterStaffAsync(window, "north", "周玉兰", "BZ-003", "殡葬服务咨询员",
            ["惠民殡葬政策咨询", "基本殡葬服务费用减免受理"], partyMember: false);
        await bureau.PublishCommitmentAsync(staff, "基本殡葬服务减免申请一次告知、当日办结", Bureau.Day(60));

        var page = await platform.OpenAsync($"/display/windows/{window}?office=north", width: 390, height: 844);

        await Expect(page.Locator(".staff-card")).ToContainTextAsync("基本殡葬服务减免申请一次告知、当日办结");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page is wider than a phone's screen");
        await DisplayPlatform.ScreenshotAsync(page, "window-page-phone");
    }

    [Fact]
    public async Task A_window_is_addressed_by_its_code_or_number_and_an_unknown_window_is_not_found()
    {
        var page = await platform.OpenAsync("/display/windows/4?office=east");

        Assert.EndsWith("/display/windows/CHILD_WELFARE?office=east", page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("儿童福利窗口");
        using var known = await platform.Gateway.GetAsync("/display/windows/CHILD_WELFARE");
        Assert.Equal("text/html", known.Content.Headers.ContentType?.MediaType);
        Assert.True(known.Headers.CacheControl?.NoCache, "a screen left on must pick up a new version of the page");
        using var unknown = await platform.Gateway.GetAsync("/display/windows/NO_SUCH_WINDOW");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
