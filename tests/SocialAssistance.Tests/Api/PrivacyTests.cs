using System.Collections.Concurrent;
using System.Diagnostics;
using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Full ID numbers go in and are stored, but never reach a log line, a span or a refusal's message.</summary>
public sealed class PrivacyTests(AssistanceHost host) : IClassFixture<AssistanceHost>
{
    [Fact]
    public async Task No_full_id_number_reaches_logs_spans_or_error_messages()
    {
        var logs = new ConcurrentQueue<string>();
        var tags = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects) tags.Enqueue($"{tag.Key}={tag.Value}");
                tags.Enqueue(activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var logged = host.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<ILoggerProvider>(new CollectingLoggerProvider(logs))));
        var client = new V1.SocialAssistance.SocialAssistanceClient(
            Grpc.Net.Client.GrpcChannel.ForAddress(logged.Server.BaseAddress,
                new() { HttpHandler = TestCallers.Presenting("social-assistance", inner: logged.Server.CreateHandler()) }));

        var head = IdNumbers.Man(50);
        var spouse = IdNumbers.Woman(48);
        var wrong = IdNumbers.WithWrongCheck(IdNumbers.Man(20));
        var household = await client.RegisterHouseholdAsync(AssistanceHost.Household(
            AssistanceHost.Member("王建国", head, Relation.Head), AssistanceHost.Member("刘秀英", spouse, Relation.Spouse)));
        var errors = new List<string>();
        foreach (var bad in new[]
        {
            AssistanceHost.Household(AssistanceHost.Member("甲", wrong, Relation.Head)),
            AssistanceHost.Household(AssistanceHost.Member("乙", spouse, Relation.Head)),
            AssistanceHost.Household(AssistanceHost.Member("丙", head, Relation.Head), AssistanceHost.Member("丁", head, Relation.Child)),
        })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => client.RegisterHouseholdAsync(bad).ResponseAsync);
            errors.Add(error.ToString());
        }
        await client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId });

        Assert.NotEmpty(logs);
        foreach (var number in new[] { head, spouse, wrong })
        {
            Assert.DoesNotContain(logs, line => line.Contains(number));
            Assert.DoesNotContain(tags, tag => tag.Contains(number));
            Assert.DoesNotContain(errors, error => error.Contains(number));
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(lines);

        public void Dispose() { }

        private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
