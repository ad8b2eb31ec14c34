using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CivilAffairs.Platform.Tests;
using CivilAffairs.TestSupport;
using Microsoft.Playwright;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // two cores: one platform and one browser at a time

namespace CivilAffairs.Display.Tests;

/// <summary>
/// The gateway with staff-conduct, feedback and marriage as real processes on free ports (SQLite files in a temporary
/// folder), and Debian's Chromium driven by Playwright to open the display pages as a hall screen would.
/// </summary>
public class DisplayPlatform : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _apps = [];
    private AppProcess? _feedback;
    private IPlaywright? _playwright;

    public const string PartnerName = "display-tests";
    public const string PartnerKey = "display-tests-partner-key";

    public HttpClient Gateway { get; private set; } = null!;
    public string GatewayUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var feedback = new Endpoints();
        var staff = new Endpoints();
        var marriage = new Endpoints();
        _feedback = Start("services/Feedback", "CivilAffairs.Feedback", feedback, "feedback.db", []);
        Start("services/StaffConduct", "CivilAffairs.StaffConduct", staff, "staff.db",
            new() { ["Services__feedback__Grpc"] = feedback.Grpc });
        Start("services/Marriage", "CivilAffairs.Marriage", marriage, "marriage.db", new()
        {
            ["Services__feedback__Grpc"] = feedback.Grpc,
            ["Services__staff-conduct__Grpc"] = staff.Grpc,
        });

        var gateway = new Endpoints();
        var routes = new Dictionary<string, string>();
        foreach (var (cluster, service) in new[] { ("marriage", marriage), ("staff-conduct", staff), ("feedback", feedback) })
        {
            routes[$"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address"] = service.Http;
            routes[$"ReverseProxy__Clusters__{cluster}-grpc__Destinations__primary__Address"] = service.Grpc;
        }
        routes["ReverseProxy__Clusters__social-assistance__Destinations__primary__Address"] = FreePort.Url();
        routes["ReverseProxy__Clusters__social-assistance-grpc__Destinations__primary__Address"] = FreePort.Url();
        // The clerks' calls need a partner key with the scopes they use; the pages themselves are anonymous.
        routes[$"Partners__{PartnerName}__ApiKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PartnerKey)));
        foreach (var (scope, i) in new[] { "marriage", "staff", "feedback" }.SelectMany(f => new[] { $"{f}.read", $"{f}.write" }).Select((s, i) => (s, i)))
            routes[$"Partners__{PartnerName}__Scopes__{i}"] = scope;
        // Several screens polling from one address: keep the anonymous limit out of the way.
        routes["RateLimits__Anonymous__PermitLimit"] = "100000";
        Start("gateway", "CivilAffairs.Gateway", gateway, null, routes);

        await Task.WhenAll(_apps.Select(app => app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));

        GatewayUrl = gateway.Http;
        Gateway = new HttpClient { BaseAddress = new Uri(gateway.Http), Timeout = TimeSpan.FromSeconds(60) };
        Gateway.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Gateway.DefaultRequestHeaders.Add("X-Api-Key", PartnerKey);

        // Pages load and refresh on their own; a part may need a few polling rounds to show what a test just did.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", // Debian's Chromium; Playwright's own browsers are never downloaded
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    /// <summary>Stops the feedback service, as when it goes down while the screens keep running.</summary>
    public void StopFeedback() => _feedback?.Dispose();

    /// <summary>Opens a page of the gateway in a fresh browser tab sized like a hall screen, in Chinese and in the
    /// bureau's time zone. Staff photos on <c>photos.example.test</c> are drawn by the test (no network here).</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1600, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = GatewayUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        await context.RouteAsync("https://photos.example.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "image/svg+xml",
            Body = Portrait.Svg(new Uri(route.Request.Url).AbsolutePath),
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Saves a full-page screenshot under <c>TestResults/screenshots</c> at the repository's root.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(RepositoryLayout.Root, "TestResults", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>Waits (bounded) until the gateway has written a line that matches: its log is written after it answered.</summary>
    public async Task<string> GatewayLineAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var gateway = _apps.Single(app => app.Name == "CivilAffairs.Gateway");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = gateway.Output.Split(Environment.NewLine).FirstOrDefault(matches);
            if (line is not null) return line;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no such gateway line within {timeout}:{Environment.NewLine}{gateway.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Output of every app, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _apps.Select(app => $"--- {app.Name} ---{Environment.NewLine}{app.Output}"));

    private AppProcess Start(string folder, string assembly, Endpoints endpoints, string? database, Dictionary<string, string> settings)
    {
        settings["Kestrel__Endpoints__Http__Url"] = endpoints.Http;
        settings["Kestrel__Endpoints__Grpc__Url"] = endpoints.Grpc;
        if (database is not null)
        {
            settings["Storage__Provider"] = "sqlite";
            settings["Storage__Sqlite__Path"] = _data.File(database);
        }
        var app = new AppProcess(folder, assembly, endpoints.Http, settings);
        _apps.Add(app);
        return app;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Gateway?.Dispose();
        foreach (var app in _apps) app.Dispose();
        _data.Dispose();
    }

    private sealed class Endpoints
    {
        public string Http { get; } = FreePort.Url();
        public string Grpc { get; } = FreePort.Url();
    }
}

/// <summary>The platform the page tests share.</summary>
[CollectionDefinition(Name)]
public sealed class DisplayCollection : ICollectionFixture<DisplayPlatform>
{
    public const string Name = "display platform";
}
