using System.Diagnostics;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>The transactional outbox and its relay against a real gRPC consumer on loopback, on a real SQLite file.</summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private const string Method = "/civilaffairs.feedback.v1.Feedback/CreateInvitation";
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 12, 2, 0, 0, TimeSpan.Zero));
    private readonly InvitationConsumer _consumer = new();
    private readonly InvitationConsumer _other = new();
    private SqliteDocumentStore _database = null!;
    private OutboxStore _outbox = null!;
    private OutboxRelay _relay = null!;

    public async Task InitializeAsync()
    {
        await _consumer.StartAsync();
        await _other.StartAsync();
        _database = new SqliteDocumentStore(_directory.File("producer.db"));
        await _database.InitializeAsync([OutboxRecords.Collection]);
        _outbox = new OutboxStore(_database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:feedback:Grpc"] = _consumer.Address,
            ["Services:staff-conduct:Grpc"] = _other.Address,
            ["Services:misspelt:Grpc"] = "htp:/127.0.0.1:5402",
            ["Resilience:Grpc:MinimumThroughput"] = "100",
        }).Build();
        _relay = new OutboxRelay(_outbox, new GrpcOutboxTransport(configuration, TestCredentials.Tokens("marriage")), new OutboxSignal(),
            new OutboxOptions { CallTimeout = TimeSpan.FromSeconds(2) }, _time, NullLogger<OutboxRelay>.Instance);
    }

    private Task EnqueueAsync(params OutboxMessage[] messages) => _database.CommitAsync(new WriteBatch().Outbox(messages));

    private OutboxMessage Invitation(string eventId, string aggregate, string reference, string? traceParent = null, string target = "feedback") => new(
        eventId, aggregate, target, Method,
        new CreateInvitationRequest { ServiceReference = reference, Window = Common.V1.WindowType.MarriageRegistration }.ToByteArray(),
        Window.MarriageRegistration, traceParent, _time.GetUtcNow());

    [Fact]
    public async Task Messages_are_delivered_once_each_in_the_order_written_with_the_event_id_as_idempotency_key()
    {
        await EnqueueAsync(Invitation("e1", "m1", "r1"), Invitation("e2", "m2", "r2"), Invitation("e3", "m1", "r3"));
        Assert.Equal(3, await _relay.RunOnceAsync(default));
        Assert.Equal(0, await _relay.RunOnceAsync(default));
        Assert.Equal([("e1", "r1"), ("e2", "r2"), ("e3", "r3")], _consumer.Received.Select(r => (r.Key, r.Request.ServiceReference)));
        Assert.Equal((0, (DateTimeOffset?)null), await _outbox.BacklogAsync(default));
    }

    [Fact]
    public async Task A_consumer_that_is_down_delays_delivery_loses_nothing_and_keeps_each_aggregates_order()
    {
        var port = _consumer.Port;
        await _consumer.StopAsync();
        await EnqueueAsync(Invitation("e1", "m1", "r1"), Invitation("e2", "m1", "r2"), Invitation("e3", "m2", "r3"));
        Assert.Equal(0, await _relay.RunOnceAsync(default));
        var pending = await _outbox.PendingAsync(10, default);
        // One failed call told the relay the consumer is down: e2 waits behind e1, e3 for the next pass.
        Assert.Equal([1, 0, 0], pending.Select(p => p.Attempts));
        Assert.Equal(3, (await _outbox.BacklogAsync(default)).Count);

        await _consumer.StartAsync(port);
        // The consumer is back. Passes go on as time passes (the channel reconnects on its own, real-time backoff);
        // the first success makes everything waiting for that consumer due at once.
        for (var pass = 0; pass < 50 && (await _outbox.BacklogAsync(default)).Count > 0; pass++)
        {
            await Task.Delay(100);
            _time.Advance(TimeSpan.FromSeconds(1));
            await _relay.RunOnceAsync(default);
        }
        var left = await _outbox.PendingAsync(10, default);
        Assert.True(left.Count == 0, $"pending: {string.Join("; ", left.Select(p => $"{p.Message.EventId} {p.Attempts} {p.Record.LastError}"))}");
        Assert.Equal(["e1", "e2", "e3"], _consumer.Received.Select(r => r.Key).Order());
        Assert.Equal(["e1", "e2"], _consumer.Received.Select(r => r.Key).Where(k => k is "e1" or "e2"));
        Assert.All(_consumer.Effects.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_message_refused_for_good_goes_to_the_dead_letter_list_and_can_be_replayed()
    {
        _consumer.RefuseWith = StatusCode.InvalidArgument;
        _consumer.RefuseReference = "r1";
        await EnqueueAsync(Invitation("e1", "m1", "r1"), Invitation("e2", "m1", "r2"));
        await _relay.RunOnceAsync(default);
        var dead = Assert.Single(await _outbox.DeadLettersAsync(10, default));
        Assert.Equal("e1", dead.Message.EventId);
        Assert.Contains("InvalidArgument", dead.Record.LastError);
        // The refused message does not hold the next one of its aggregate back.
        Assert.Equal(["e2"], _consumer.Received.Select(r => r.Key));

        _consumer.RefuseWith = null;
        Assert.True(await _outbox.ReplayAsync("e1", _time.GetUtcNow(), default));
        Assert.False(await _outbox.ReplayAsync("e1", _time.GetUtcNow(), default));
        Assert.Equal(1, await _relay.RunOnceAsync(default));
        Assert.Equal(["e2", "e1"], _consumer.Received.Select(r => r.Key));
        Assert.Empty(await _outbox.DeadLettersAsync(10, default));
    }

    [Fact]
    public async Task The_delivery_continues_the_producers_trace()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OutboxRelay.Source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var producer = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{producer}-{ActivitySpanId.CreateRandom()}-01";
        await EnqueueAsync(Invitation("e1", "m1", "r1", traceParent));
        await _relay.RunOnceAsync(default);
        var span = Assert.Single(spans, s => s.GetTagItem("messaging.message.id") as string == "e1");
        Assert.Equal(producer, span.TraceId);
        Assert.Equal(producer, Assert.Single(span.Links).Context.TraceId);
    }

    [Fact]
    public async Task A_consumer_that_is_down_holds_back_only_its_own_events_even_for_the_same_case()
    {
        await _consumer.StopAsync();
        await EnqueueAsync(Invitation("e1", "m1", "r1"), Invitation("e2", "m1", "r2", target: "staff-conduct"), Invitation("e3", "m1", "r3"));
        Assert.Equal(1, await _relay.RunOnceAsync(default));
        Assert.Equal(["e2"], _other.Received.Select(r => r.Key));
        Assert.Equal(["e1", "e3"], (await _outbox.PendingAsync(10, default)).Select(p => p.Message.EventId));
    }

    [Fact]
    public async Task Many_waiting_events_for_one_consumer_do_not_starve_the_others()
    {
        await _consumer.StopAsync();
        await EnqueueAsync([.. Enumerable.Range(0, 250).Select(i => Invitation($"f{i}", $"case{i}", $"r{i}"))]);
        await EnqueueAsync(Invitation("s1", "other", "r", target: "staff-conduct"));
        Assert.Equal(1, await _relay.RunOnceAsync(default));
        Assert.Equal(["s1"], _other.Received.Select(r => r.Key));
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_with_a_server_error_dead_letters_the_message_after_the_configured_attempts()
    {
        _consumer.RefuseWith = StatusCode.Internal;
        await EnqueueAsync(Invitation("e1", "m1", "r1"));
        for (var pass = 0; pass < 12; pass++)
        {
            await _relay.RunOnceAsync(default);
            _time.Advance(TimeSpan.FromMinutes(6));
        }
        var dead = Assert.Single(await _outbox.DeadLettersAsync(10, default));
        Assert.Equal(new OutboxOptions().MaxServerErrorAttempts, dead.Attempts);
        Assert.Contains("Internal", dead.Record.LastError);
        Assert.Empty(await _outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task A_bad_consumer_address_fails_only_its_events_and_readiness_names_it()
    {
        await EnqueueAsync(Invitation("e1", "m1", "r1", target: "misspelt"), Invitation("e2", "m2", "r2"), Invitation("e3", "m3", "r3", target: "nowhere"));
        Assert.Equal(1, await _relay.RunOnceAsync(default));
        Assert.Equal(["e2"], _consumer.Received.Select(r => r.Key));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:feedback:Grpc"] = _consumer.Address, ["Services:misspelt:Grpc"] = "htp:/127.0.0.1:5402",
        }).Build();
        var check = new OutboxTargetsHealthCheck(_outbox, configuration);
        var health = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
        Assert.Contains("Services:misspelt:Grpc is 'htp:/127.0.0.1:5402'", health.Description);
        Assert.Contains("Services:nowhere:Grpc is not set", health.Description);
    }

    public async Task DisposeAsync()
    {
        await _consumer.DisposeAsync();
        await _other.DisposeAsync();
        _database.Dispose();
        _directory.Dispose();
    }
}
