using CivilAffairs.Platform.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Display.Tests;

/// <summary>
/// The gateway's API reference (<c>/docs</c>, Scalar over <c>/openapi/v1.json</c>) in Chromium, as a partner's developer
/// uses it: every service is listed, the key is entered once and kept across visits, and a call tried from the page
/// reaches the service through the gateway with that key. Screenshots of both go to docs/ (the README shows them).
/// </summary>
[Collection(DisplayCollection.Name)]
public sealed class ApiReferenceTests(DisplayPlatform platform)
{
    private const string Operation = "ListOverdueRectifications";
    private const string Route = "get /api/feedback/v1/overdue-rectifications";

    [Fact]
    public async Task A_partner_enters_its_key_once_and_tries_a_call_from_the_reference_page()
    {
        var page = await platform.OpenAsync("/docs", 1440, 1000);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Civil-affairs platform" })).ToBeVisibleAsync();
        foreach (var service in new[] { "Feedback", "MarriageAppointments", "MarriageHall", "MarriageRegistry", "SocialAssistance", "StaffConduct" })
            await Expect(page.GetByText(new System.Text.RegularExpressions.Regex($@"^civilaffairs\.\w+\.v1\.{service}$")).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Selected Auth Type: ApiKey").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).First.FillAsync(DisplayPlatform.PartnerKey);
        await SaveAsync(page, "api-reference");

        // Entered once: a later visit finds the key where it was left (the browser's local storage).
        var later = await page.Context.NewPageAsync();
        await later.GotoAsync("/docs");
        await Expect(later.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).First)
            .ToHaveValueAsync(DisplayPlatform.PartnerKey);

        await later.GetByText(Operation, new() { Exact = true }).First.ClickAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = $"Test Request ({Route})" }).ClickAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = false }).First.ClickAsync();

        // Through the gateway with the key (without it the gateway answers 401): the service's answer, on the page.
        await Expect(later.GetByText("\"cases\": [],").Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        await platform.GatewayLineAsync(line => line.Contains($"partner={DisplayPlatform.PartnerName} route=feedback-rest")
            && line.Contains("method=GET status=200"), TimeSpan.FromSeconds(10));
        await SaveAsync(later, "api-reference-try-it");
    }

    /// <summary>The picture in docs/ that the README shows (and a copy with the other screenshots).</summary>
    private static async Task SaveAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryLayout.Root, "docs", name + ".png") });
        await DisplayPlatform.ScreenshotAsync(page, name);
    }
}
