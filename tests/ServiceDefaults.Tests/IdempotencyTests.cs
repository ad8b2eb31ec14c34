using System.Collections.Concurrent;
using System.Security.Claims;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Callers;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Idempotency;
using CivilAffairs.ServiceDefaults.Tests.Documents;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>
/// The one idempotency mechanism, on a real gRPC server with a real SQLite store: a keyed call changes state once,
/// whatever happens between its change and its answer, and keys belong to their caller.
/// </summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 12, 0, 30, 0, TimeSpan.Zero));
    private readonly KeyedService _service = new();
    private SqliteDocumentStore _store = null!;
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteDocumentStore(_directory.File("service.db"));
        await _store.InitializeAsync(TestCollections.All);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.Interceptors.Add<IdempotencyInterceptor>());
        builder.Services.AddSingleton<IDocumentStore>(_store);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(new IdempotencyOptions());
        builder.Services.AddSingleton(_service);
        _app = builder.Build();
        // Stands in for the service credential: the partner the (test) gateway calls for.
        _app.Use((context, next) =>
        {
            if (context.Request.Headers["x-test-partner"].FirstOrDefault() is { } partner)
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CallerIdentity.PartnerClaim, partner)], "test"));
            return next(context);
        });
        _app.MapGrpcService<KeyedInvitations>();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _channel = GrpcChannel.ForAddress(address);
    }

    private Feedback.V1.Feedback.FeedbackClient Client => new(_channel);

    private static Metadata Keyed(string key, string partner = "bank") => new() { { "idempotency-key", key }, { "x-test-partner", partner } };

    private static CreateInvitationRequest Request(string reference) => new() { ServiceReference = reference };

    [Fact]
    public async Task A_retry_gets_the_first_answer_and_changes_nothing()
    {
        var first = await Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        var retry = Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        Assert.Equal(first, await retry);
        Assert.Equal("true", (await retry.ResponseHeadersAsync).GetValue("idempotent-replay"));
        Assert.Equal(1, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task The_same_key_for_another_request_is_refused_naming_the_key()
    {
        await Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.CreateInvitationAsync(Request("r2"), Keyed("k1")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("idempotency_key", refused.Status.Detail);
        Assert.Equal(1, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task Two_partners_sending_the_same_key_never_meet()
    {
        var bank = await Client.CreateInvitationAsync(Request("r1"), Keyed("booking-0001", "bank"));
        var housing = await Client.CreateInvitationAsync(Request("r1"), Keyed("booking-0001", "housing"));
        Assert.NotEqual(bank.InvitationId, housing.InvitationId);
        Assert.Equal(2, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task A_call_that_fails_after_its_write_leaves_nothing_and_its_retry_runs_once()
    {
        _service.FailAfterWrite = true;
        var failed = await Assert.ThrowsAsync<RpcException>(() => Client.CreateInvitationAsync(Request("r1"), Keyed("k1")).ResponseAsync);
        Assert.Equal(StatusCode.Internal, failed.StatusCode);
        Assert.Equal(0, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
        _service.FailAfterWrite = false;
        await Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        await Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        Assert.Equal(1, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task A_caller_that_gave_up_and_retries_gets_the_answer_of_the_call_that_went_on()
    {
        _service.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gaveUp = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateInvitationAsync(Request("r1"), Keyed("k1"), deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, gaveUp.StatusCode);
        var retry = Client.CreateInvitationAsync(Request("r1"), Keyed("k1")).ResponseAsync;
        _service.Gate.SetResult();
        var answer = await retry;
        Assert.Equal(1, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
        Assert.Equal(1, _service.Runs);
        Assert.StartsWith("A", answer.InvitationId);
    }

    [Fact]
    public async Task Identical_calls_at_the_same_moment_run_once_and_all_get_its_answer()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.CreateInvitationAsync(Request("r1"), Keyed("k1")).ResponseAsync));
        Assert.Single(answers.Select(a => a.InvitationId).Distinct());
        Assert.Equal(1, await _store.CountAsync(TestCollections.Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task A_refusal_is_the_first_outcome_too_and_is_replayed_with_its_status()
    {
        _service.Refuse = true;
        var first = await Assert.ThrowsAsync<RpcException>(() => Client.CreateInvitationAsync(Request("r1"), Keyed("k1")).ResponseAsync);
        _service.Refuse = false;
        var replayed = await Assert.ThrowsAsync<RpcException>(() => Client.CreateInvitationAsync(Request("r1"), Keyed("k1")).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, first.Status.Detail), (replayed.StatusCode, replayed.Status.Detail));
        Assert.Equal("true", replayed.Trailers.GetValue("idempotent-replay"));
        Assert.Equal(1, _service.Runs);
    }

    [Fact]
    public async Task Records_are_purged_after_their_retention_and_the_key_can_be_used_afresh()
    {
        await Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        var retention = new StoreRetention(_store, new ServiceCollection().BuildServiceProvider(), new IdempotencyOptions(), _time,
            NullLogger<StoreRetention>.Instance);
        await retention.PurgeOnceAsync(default);
        Assert.Equal(1, await _store.CountAsync(IdempotencyRecords.Collection, DocumentQuery.All));
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await retention.PurgeOnceAsync(default);
        Assert.Equal(0, await _store.CountAsync(IdempotencyRecords.Collection, DocumentQuery.All));
        await Client.CreateInvitationAsync(Request("r1"), Keyed("k1"));
        Assert.Equal(2, _service.Runs);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
        _directory.Dispose();
    }

    /// <summary>What the test's service does, set by the test.</summary>
    public sealed class KeyedService
    {
        private int _runs;
        public bool FailAfterWrite { get; set; }
        public bool Refuse { get; set; }
        public TaskCompletionSource? Gate { get; set; }
        public int Runs => _runs;
        public int Run() => Interlocked.Increment(ref _runs);
    }

    /// <summary>A state-changing call: it numbers a ticket in the store (one write batch), then answers.</summary>
    private sealed class KeyedInvitations(IDocumentStore store, KeyedService service) : Feedback.V1.Feedback.FeedbackBase
    {
        public override async Task<Invitation> CreateInvitation(CreateInvitationRequest request, ServerCallContext context)
        {
            service.Run();
            if (service.Gate is { } gate) await gate.Task; // goes on after the caller gave up, as a real handler would
            if (service.Refuse) throw new RpcException(new Status(StatusCode.FailedPrecondition, "invitation-closed"));
            var batch = new WriteBatch();
            var ticket = batch.InsertNumbered(TestCollections.Tickets, "A", (t, n) => t with { Id = $"A{n:D3}", Number = n }, new TestTicket("", request.ServiceReference, 0));
            if (await store.CommitAsync(batch) is { } conflict) throw new RpcException(new Status(StatusCode.Aborted, conflict.ToString()));
            if (service.FailAfterWrite) throw new RpcException(new Status(StatusCode.Internal, "the process broke after writing"));
            return new Invitation { InvitationId = ticket.Document.Id, ServiceReference = request.ServiceReference };
        }
    }
}
