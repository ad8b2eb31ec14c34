using CivilAffairs.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Display.Tests;

[Collection(DisplayCollection.Name)]
public sealed class MarriageHallTests(DisplayPlatform platform)
{
    [Fact]
    public async Task The_hall_screen_shows_a_newly_called_ticket_within_a_few_seconds_with_the_next_ones_and_places_left()
    {
        var bureau = new Bureau(platform.Gateway);
        var office = $"hall-{Guid.NewGuid():N}"[..16];
        await bureau.PostAsync($"/api/marriage/v1/offices/{office}/days", new
        {
            date = Bureau.Day(),
            slots = new[]
            {
                new { start_time = "09:00", end_time = "09:30", capacity = 10 },
                new { start_time = "14:00", end_time = "14:30", capacity = 8 },
            },
        });
        var page = await platform.OpenAsync($"/display/marriage-hall?office={office}");
        await Expect(page.Locator("#called")).ToContainTextAsync("暂无叫号");
        await Expect(page.Locator("#slots")).ToContainTextAsync("14:00–14:30");

        var couples = new[]
        {
            (Man: IdNumbers.Man(30), Woman: IdNumbers.Woman(27), ManPhone: "13800138001", WomanPhone: "13900139002"),
            (Man: IdNumbers.Man(35), Woman: IdNumbers.Woman(33), ManPhone: "13700137003", WomanPhone: "13600136004"),
        };
        var tickets = new List<string>();
        foreach (var couple in couples)
        {
            var ticket = await bureau.PostAsync($"/api/marriage/v1/offices/{office}/hall/check-ins", new
            {
                first_party = new { name = "张伟", id_number = couple.Man, phone = couple.ManPhone },
                second_party = new { name = "李娜", id_number = couple.Woman, phone = couple.WomanPhone },
            });
            tickets.Add(ticket.GetProperty("number").GetString()!);
        }
        var called = await bureau.PostAsync($"/api/marriage/v1/offices/{office}/hall/windows/2:call-next", new { });
        Assert.Equal(tickets[0], called.GetProperty("number").GetString());

        var call = page.Locator("#called .call");
        await Expect(call.Locator(".ticket-number")).ToHaveTextAsync(tickets[0], new() { Timeout = 5_000 });
        await Expect(call).ToContainTextAsync("请到 2 号窗口");
        await Expect(page.Locator("#next .ticket")).ToHaveTextAsync([tickets[1]]);
        await Expect(page.Locator("#next")).ToContainTextAsync("等候 1 对");
        await Expect(page.Locator("#slots tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#slots tbody tr").First).ToContainTextAsync("09:00–09:30");
        await DisplayPlatform.ScreenshotAsync(page, "marriage-hall");

        await Privacy.AssertNoFullNumbersAsync(page,
            couples.SelectMany(c => new[] { c.Man, c.Woman, c.ManPhone, c.WomanPhone }).ToArray());
    }

    [Fact]
    public async Task The_hall_screen_on_a_phone_keeps_the_called_ticket_readable()
    {
        var page = await platform.OpenAsync("/display/marriage-hall", width: 390, height: 844);

        await Expect(page.Locator("#called")).ToContainTextAsync("请在地址中指定登记处");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page is wider than a phone's screen");
    }
}
