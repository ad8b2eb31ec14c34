using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.TestSupport;
using Grpc.Core;
using static CivilAffairs.ServiceDefaults.Tests.Documents.TestCollections;

namespace CivilAffairs.ServiceDefaults.Tests.Documents;

/// <summary>The embedded engine shares one fsync among the writes that arrive together, and acknowledges none early.</summary>
public sealed class SqliteGroupCommitTests
{
    private static TestTicket Ticket(int n) => new($"t{n}", "2026-12-12", n);

    /// <summary>Waits until the other request's write waits for the commit (a fixed delay raced a busy machine).</summary>
    private static async Task JoinedAsync(TestStore test, Task other)
    {
        var writer = ((SqliteDocumentStore)test.Store).Writer;
        Assert.True(await Eventually.TrueAsync(() => writer.WaitingForCommit > 0 || other.IsCompleted),
            "the other write never reached the shared transaction");
    }

    [Fact]
    public async Task Writes_arriving_together_are_all_acknowledged_and_all_on_disk()
    {
        await using var test = await TestStore.CreateAsync(StoreKinds.Sqlite);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(n => Task.Run(() => test.Store.CommitAsync(new WriteBatch().Insert(Tickets, Ticket(n))))));
        Assert.All(outcomes, Assert.Null);
        using var reopened = test.Reopen();
        Assert.Equal(300, await reopened.CountAsync(Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task A_write_that_waits_for_the_commit_of_a_failing_call_is_told_to_retry_and_nothing_of_either_is_written()
    {
        await using var test = await TestStore.CreateAsync(StoreKinds.Sqlite);
        Task<WriteConflict?> other;
        await using (var call = test.Store.BeginCall())
        {
            Assert.Null(await test.Store.CommitAsync(new WriteBatch().Insert(Tickets, Ticket(1))));
            // Another request's batch joins the shared transaction; its commit waits for the call inside.
            using (ExecutionContext.SuppressFlow()) // another request: not inside this call
                other = Task.Run(() => test.Store.CommitAsync(new WriteBatch().Insert(Tickets, Ticket(2))));
            await JoinedAsync(test, other);
            Assert.False(other.IsCompleted);
        } // the call fails: disposed without its record
        var retry = await Assert.ThrowsAsync<RpcException>(() => other);
        Assert.Equal(StatusCode.Aborted, retry.StatusCode);
        Assert.Equal(0, await test.Store.CountAsync(Tickets, DocumentQuery.All));
        Assert.Null(await test.Store.CommitAsync(new WriteBatch().Insert(Tickets, Ticket(2))));
        Assert.Equal(1, await test.Store.CountAsync(Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task A_call_that_writes_later_waits_for_the_commit_in_progress_and_then_commits_with_its_record()
    {
        await using var test = await TestStore.CreateAsync(StoreKinds.Sqlite);
        var calls = await Task.WhenAll(Enumerable.Range(0, 50).Select(n => Task.Run(async () =>
        {
            await using var call = test.Store.BeginCall();
            Assert.Null(await test.Store.CommitAsync(new WriteBatch().Insert(Tickets, Ticket(n))));
            Assert.NotNull(await test.Store.GetAsync(Tickets, $"t{n}")); // its own write, before the commit
            return await call.CompleteAsync(new WriteBatch().Insert(Tickets, Ticket(1000 + n)), default);
        })));
        Assert.All(calls, Assert.Null);
        using var reopened = test.Reopen();
        Assert.Equal(100, await reopened.CountAsync(Tickets, DocumentQuery.All));
    }

    [Fact]
    public async Task A_write_refused_by_a_change_not_yet_committed_is_reported_once_that_change_is_visible()
    {
        await using var test = await TestStore.CreateAsync(StoreKinds.Sqlite);
        var slot = new TestSlot("s1", "xicheng", new DateOnly(2026, 12, 12), SlotKind.Morning, 5, 0);
        await test.Store.CommitAsync(new WriteBatch().Insert(Slots, slot));
        Task<(WriteConflict? First, long SeenAfter)> other;
        await using (var call = test.Store.BeginCall())
        {
            Assert.Null(await test.Store.CommitAsync(new WriteBatch().Replace(Slots, slot with { Capacity = 6 }, 1)));
            using (ExecutionContext.SuppressFlow())
                other = Task.Run(async () =>
                {
                    var read = (await test.Store.GetAsync(Slots, "s1"))!; // the committed state: version 1
                    var first = await test.Store.CommitAsync(new WriteBatch().Replace(Slots, read.Document with { Note = "b" }, read.Version));
                    return (first, (await test.Store.GetAsync(Slots, "s1"))!.Version);
                });
            await JoinedAsync(test, other);
            Assert.False(other.IsCompleted); // refused, and waiting for the change that refused it to commit
            Assert.Null(await call.CompleteAsync(new WriteBatch().Insert(Tickets, Ticket(1)), default));
        }
        var (conflict, seen) = await other;
        Assert.IsType<WriteConflict.Stale>(conflict);
        Assert.Equal(2, seen);
    }
}
