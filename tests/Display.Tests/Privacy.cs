using CivilAffairs.SharedKernel;
using Microsoft.Playwright;

namespace CivilAffairs.Display.Tests;

/// <summary>A public page never shows a full ID number or phone number: not in its text, not in its HTML.</summary>
public static class Privacy
{
    public static async Task AssertNoFullNumbersAsync(IPage page, params string[] secrets)
    {
        var html = await page.ContentAsync();
        var text = await page.InnerTextAsync("body");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, html);
            Assert.DoesNotContain(secret, text);
        }
        Assert.False(Masking.ContainsSensitiveNumber(html), $"the page holds a full ID or phone number:{Environment.NewLine}{html}");
        Assert.False(Masking.ContainsSensitiveNumber(text), $"the page shows a full ID or phone number:{Environment.NewLine}{text}");
        Assert.DoesNotContain("null", text); // a missing value rendered as such is no better than a leak for a reader
        Assert.DoesNotContain("undefined", text);
    }
}
