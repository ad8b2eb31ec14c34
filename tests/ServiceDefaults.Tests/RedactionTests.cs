using System.Diagnostics;
using CivilAffairs.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>Console output is captured process-wide here, so nothing else runs beside this class.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>
/// A full ID number and a phone number, fed to every kind of record a service writes (console and exported logs,
/// their scopes and exceptions, span names, attributes of each type, events, metric labels): none of them leaves.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class RedactionTests
{
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13800138000";
    private const long PhoneAsNumber = 13800138000;
    private static readonly ActivitySource Source = new("CivilAffairs.RedactionTests");

    [Fact]
    public async Task No_id_number_or_phone_leaves_in_any_record()
    {
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        var metrics = new List<Metric>();
        var written = await ConsoleOf(async () =>
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
            builder.AddServiceDefaults(Window.MarriageRegistration);
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddInMemoryExporter(spans))
                .WithMetrics(m => m.AddInMemoryExporter(metrics))
                .WithLogging(l => l.AddInMemoryExporter(logs));
            await using var app = builder.Build();
            app.MapGet("/people/{id}", (string id, ILogger<RedactionTests> logger) =>
            {
                using var span = Source.StartActivity($"lookup {id}")!;
                span.SetTag("person.id", id);
                span.SetTag("person.phone", PhoneAsNumber);
                span.SetTag("person.numbers", new[] { IdNumber, Phone });
                span.AddEvent(new ActivityEvent("called", tags: new ActivityTagsCollection { ["phone"] = Phone }));
                span.AddException(new InvalidOperationException($"no record for {id}"));
                using (logger.BeginScope(new Dictionary<string, object?> { ["caller.phone"] = Phone }))
                {
                    logger.LogInformation("Looked up {IdNumber} with phone {Phone} ({PhoneNumber})", id, Phone, PhoneAsNumber);
                    logger.LogError(new InvalidOperationException($"lookup of {IdNumber} failed, call {Phone}"), "Lookup failed");
                }
                return Results.Ok();
            });
            await app.StartAsync();
            using var client = app.GetTestClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/people/{IdNumber}?tel=+86-{Phone}");
            request.Headers.Add("baggage", $"civilaffairs.window={Phone}");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
            app.Services.GetRequiredService<TracerProvider>().ForceFlush();
            app.Services.GetRequiredService<MeterProvider>().ForceFlush();
            app.Services.GetRequiredService<LoggerProvider>().ForceFlush();
            await app.StopAsync();
        });

        var texts = new List<string> { written };
        foreach (var span in spans)
        {
            texts.Add(span.DisplayName);
            texts.AddRange(span.TagObjects.Select(t => $"{t.Key}={Flatten(t.Value)}"));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={Flatten(t.Value)}")));
            texts.Add(span.StatusDescription ?? "");
        }
        foreach (var log in logs)
        {
            texts.Add(log.FormattedMessage ?? "");
            texts.AddRange((log.Attributes ?? []).Select(a => $"{a.Key}={Flatten(a.Value)}"));
            texts.Add(log.Exception?.ToString() ?? "");
            log.ForEachScope((scope, list) =>
            {
                foreach (var item in scope) list.Add($"{item.Key}={Flatten(item.Value)}");
            }, texts);
        }
        foreach (var metric in metrics)
            foreach (ref readonly var point in metric.GetMetricPoints())
                foreach (var tag in point.Tags) texts.Add($"{metric.Name}:{tag.Key}={tag.Value}");

        Assert.Contains(texts, t => t.Contains("110105********002X")); // the records were written, masked
        Assert.Contains(texts, t => t.Contains("lookup 110105"));
        Assert.Contains(logs, l => l.Exception is not null);
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
        var leaks = texts.Where(t => t.Contains(IdNumber) || t.Contains(Phone) || t.Contains(IdNumber.ToLowerInvariant())).ToList();
        Assert.True(leaks.Count == 0, "leaked: " + string.Join(" | ", leaks));
    }

    [Fact]
    public async Task A_log_level_set_for_one_provider_applies_to_it_and_its_lines_are_still_masked()
    {
        var written = await ConsoleOf(async () =>
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole();
            builder.Configuration["Logging:Console:LogLevel:Default"] = "Warning"; // what an operator sets to quiet the console
            builder.AddServiceDefaults(Window.MarriageRegistration);
            await using var app = builder.Build(); // disposing it drains the console logger's queue
            var logger = app.Services.GetRequiredService<ILogger<RedactionTests>>();
            logger.LogInformation("routine line about {IdNumber}", IdNumber);
            logger.LogWarning("warning line about {IdNumber}", IdNumber);
        });

        Assert.Contains("warning line about 110105********002X", written);
        Assert.DoesNotContain("routine line", written);
        Assert.DoesNotContain(IdNumber, written);
    }

    /// <summary>What <paramref name="write"/> printed on the console.</summary>
    private static async Task<string> ConsoleOf(Func<Task> write)
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            await write();
        }
        finally
        {
            Console.SetOut(original);
        }
        return console.ToString();
    }

    private static string Flatten(object? value) => value switch
    {
        null => "",
        string s => s,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Flatten)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
