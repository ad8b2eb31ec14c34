using System.Net.Sockets;
using System.Text.RegularExpressions;
using CivilAffairs.Operations.Tests.Deployment;
using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.Operations.Tests;

/// <summary>
/// The metric names a process really serves on <c>/metrics</c>, as the Prometheus exporter writes them: an app with
/// the service defaults on a loopback port, every <see cref="PlatformMetrics"/> instrument recorded once and one request
/// served, then scraped. The outbox relay's instruments (meter <c>CivilAffairs.Outbox</c>) are read from their
/// declarations in its source and named by the same rules, which this scrape checks on the others.
/// </summary>
public static partial class ExportedMetrics
{
    public static async Task<(IReadOnlySet<string> Scraped, IReadOnlyList<(string Instrument, string Unit, string Kind)> Platform)> ScrapeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        var (port, management) = (FreeLoopbackPort(), FreeLoopbackPort());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        builder.Configuration["Management:Port"] = management.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Management:Address"] = "127.0.0.1";
        builder.AddServiceDefaults(Window.MarriageRegistration);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        var address = $"http://127.0.0.1:{port}";

        var metrics = app.Services.GetRequiredService<PlatformMetrics>();
        metrics.AppointmentBooked(Window.MarriageRegistration);
        metrics.SlotFilled(Window.MarriageRegistration, 3, 4);
        metrics.Refused(Window.MarriageRegistration, "slot-full");
        metrics.CertificateIssued(Window.MarriageRegistration, TimeSpan.FromMinutes(20));
        metrics.QueueLength(Window.MarriageRegistration, 5);
        metrics.ApplicationsInState(Window.SocialAssistance, "UNDER_INVESTIGATION", 2);
        metrics.OverdueApplications(Window.SocialAssistance, 1);
        metrics.Rated(Window.ElderlyCare, "SATISFIED");
        metrics.Rectifications(Window.ElderlyCare, 2, 1);
        metrics.RectificationStep(Window.ElderlyCare, "VERIFIED");

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        (await client.GetAsync("/ping")).EnsureSuccessStatusCode();
        // The exporter caches a scrape for a moment and the request metric is recorded after the answer: ask until
        // both are in (bounded).
        var deadline = DateTime.UtcNow.AddSeconds(30); // health checks are first published after 5 s
        string text;
        do
        {
            text = await client.GetStringAsync($"http://127.0.0.1:{management}{MetricsExtensions.ScrapePath}"); // the management port
            if (text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal)
                && text.Contains("civilaffairs_bookings", StringComparison.Ordinal)
                && text.Contains("civilaffairs_health_ready", StringComparison.Ordinal)) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        await app.StopAsync();

        var scraped = TypeLine().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        return (scraped, Declared(Repository.Read("services/ServiceDefaults/Metrics/PlatformMetrics.cs"))
            .Concat(Declared(Repository.Read("services/ServiceDefaults/Metrics/ReadinessMetric.cs"))).ToList());
    }

    /// <summary>Instruments declared in a source file: <c>Create{Counter|Gauge|Histogram|ObservableGauge}&lt;T&gt;("name", unit...)</c>.</summary>
    public static List<(string Instrument, string Unit, string Kind)> Declared(string source) =>
        Declaration().Matches(source)
            .Select(m => (m.Groups[3].Value, m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Value, m.Groups[1].Value)).ToList();

    /// <summary>The Prometheus name of an instrument: dots to underscores, the unit's word, <c>_total</c> for counters.</summary>
    public static string PrometheusName(string instrument, string unit, string kind)
    {
        var name = instrument.Replace('.', '_');
        var suffix = unit switch { "s" => "_seconds", "ms" => "_milliseconds", "By" => "_bytes", _ => "" };
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal)) name += suffix;
        return kind == "Counter" ? name + "_total" : name;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"Create(Counter|Gauge|Histogram|ObservableGauge)(<\w+>)?\(\s*""([^""]+)""(?:[^;]*?unit:\s*""([^""]*)""|\s*,\s*""([^""]*)"")?", RegexOptions.Singleline)]
    private static partial Regex DeclarationRaw();

    private static Regex Declaration() => DeclarationRaw();
}
