using Grpc.Core;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.ServiceDefaults.Documents.Sqlite;

/// <summary>
/// The one writer of a SQLite file, with group commit: work is applied one piece at a time into a shared transaction,
/// each piece under its own savepoint (a refused batch undoes only itself), and one COMMIT - one fsync under
/// <c>synchronous=FULL</c> - acknowledges every piece that arrived while the previous commit was being made. Nothing is
/// acknowledged before the commit that holds it is on disk, so durability is whole; under load the fsync is shared.
/// A call's unit of work (<see cref="SqliteCallTransaction"/>) joins the shared transaction from its first batch until its
/// record: a commit waits for the calls inside to finish (they are past their last read by then, answering), and calls
/// that have not written yet wait for that commit. Should a call fail after writing, its writes cannot be taken out of
/// the shared transaction alone: the whole transaction is rolled back and every call and batch in it is told to retry.
/// </summary>
internal sealed class SqliteWriter(Func<Task<SqliteConnection>> connect) : IDisposable
{
    private readonly SemaphoreSlim _use = new(1, 1);
    private readonly Lock _state = new();
    private readonly List<TaskCompletionSource> _awaiting = [];
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private int _savepoints;
    private int _activeCalls;
    private bool _closing;
    private bool _committing;
    private long _generation;
    private TaskCompletionSource _reopened = New();
    private TaskCompletionSource? _drained;

    /// <summary>The shared transaction's generation: a call that wrote in one that was rolled back can only retry.</summary>
    public long Generation
    {
        get { lock (_state) return _generation; }
    }

    /// <summary>How many writes wait for the next commit; lets a test know a write has joined before it goes on.</summary>
    public int WaitingForCommit
    {
        get { lock (_state) return _awaiting.Count; }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the shared transaction under a savepoint; undone when it throws or when
    /// <paramref name="keep"/> says no. When kept and <paramref name="acknowledge"/>, the returned task completes once
    /// the commit holding it is on disk (it faults if that commit fails).
    /// </summary>
    public async Task<(T Result, Task Committed)> ApplyAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, Func<T, bool> keep,
        bool acknowledge, long? generation, CancellationToken cancellationToken)
    {
        await _use.WaitAsync(cancellationToken);
        Task committed = Task.CompletedTask;
        T result;
        try
        {
            if (generation is { } expected && expected != Generation) throw Retry();
            var (connection, transaction) = await OpenAsync();
            var savepoint = $"w{++_savepoints}";
            transaction.Save(savepoint);
            try
            {
                result = await work(connection, transaction);
            }
            catch
            {
                Undo(transaction, savepoint);
                throw;
            }
            if (keep(result))
            {
                transaction.Release(savepoint);
                if (acknowledge) committed = Await();
            }
            else
            {
                Undo(transaction, savepoint);
            }
        }
        finally
        {
            _use.Release();
        }
        if (acknowledge) ScheduleCommit();
        return (result, committed);
    }

    /// <summary>A read on the writer's connection, inside the shared transaction (it sees the work applied so far).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> read, long generation)
    {
        await _use.WaitAsync();
        try
        {
            if (generation != Generation) throw Retry();
            var (connection, transaction) = await OpenAsync();
            return await read(connection, transaction);
        }
        finally
        {
            _use.Release();
        }
    }

    /// <summary>
    /// Completes once what the shared transaction holds right now is committed (at once when it holds nothing). A
    /// refused write waits for this before it is reported: the change that refused it is then visible to the re-read
    /// that follows, instead of the refusal repeating until the next commit.
    /// </summary>
    public async Task PendingCommittedAsync()
    {
        Task pending;
        await _use.WaitAsync();
        try
        {
            if (_transaction is null) return;
            pending = Await();
        }
        finally
        {
            _use.Release();
        }
        ScheduleCommit();
        try
        {
            await pending;
        }
        catch (Exception error) when (error is SqliteException or InvalidOperationException or RpcException)
        {
            // The commit failed; the refused writer learns that when it tries again.
        }
    }

    /// <summary>A call is about to write: it waits while a commit waits for the calls already inside.</summary>
    public async Task<long> EnterCallAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_state)
            {
                if (!_closing)
                {
                    _activeCalls++;
                    return _generation;
                }
                wait = _reopened.Task;
            }
            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A call inside the shared transaction is done with it (its record applied, or nothing of it left).</summary>
    public void LeaveCall()
    {
        lock (_state)
        {
            _activeCalls--;
            if (_activeCalls == 0) _drained?.TrySetResult();
        }
    }

    /// <summary>A call that wrote failed: nothing of the shared transaction may commit. Everyone in it retries.</summary>
    public async Task AbandonAsync()
    {
        await _use.WaitAsync();
        try
        {
            Fail(Retry());
        }
        finally
        {
            _use.Release();
        }
    }

    private Task Await()
    {
        var acknowledged = New();
        lock (_state) _awaiting.Add(acknowledged);
        return acknowledged.Task;
    }

    private void ScheduleCommit()
    {
        lock (_state)
        {
            if (_committing) return;
            _committing = true;
        }
        _ = Task.Run(CommitLoopAsync);
    }

    /// <summary>Commits whatever waits, again and again while more arrives during a commit.</summary>
    private async Task CommitLoopAsync()
    {
        while (true)
        {
            Task drained;
            lock (_state)
            {
                if (_awaiting.Count == 0)
                {
                    _committing = false;
                    return;
                }
                _closing = true;
                _drained = New();
                if (_activeCalls == 0) _drained.TrySetResult();
                drained = _drained.Task;
            }
            await drained;
            await _use.WaitAsync();
            List<TaskCompletionSource> acknowledged;
            Exception? failure = null;
            try
            {
                lock (_state)
                {
                    acknowledged = [.. _awaiting];
                    _awaiting.Clear();
                }
                try
                {
                    _transaction?.Commit();
                }
                catch (Exception error) when (error is SqliteException or InvalidOperationException)
                {
                    failure = error;
                }
                Close();
            }
            finally
            {
                Reopen();
                _use.Release();
            }
            foreach (var waiter in acknowledged)
            {
                if (failure is null) waiter.TrySetResult();
                else waiter.TrySetException(failure);
            }
        }
    }

    private async Task<(SqliteConnection, SqliteTransaction)> OpenAsync()
    {
        _connection ??= await connect();
        _transaction ??= _connection.BeginTransaction(deferred: false);
        return (_connection, _transaction);
    }

    /// <summary>Undoes a piece of work; if SQLite already ended the transaction (an I/O error), everything in it fails.</summary>
    private void Undo(SqliteTransaction transaction, string savepoint)
    {
        try
        {
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
        }
        catch (SqliteException error)
        {
            Fail(error);
        }
    }

    private void Fail(Exception error)
    {
        try
        {
            _transaction?.Rollback();
        }
        catch (SqliteException)
        {
        }
        Close();
        List<TaskCompletionSource> failed;
        lock (_state)
        {
            _generation++;
            failed = [.. _awaiting];
            _awaiting.Clear();
        }
        foreach (var waiter in failed) waiter.TrySetException(error);
    }

    private void Close()
    {
        _transaction?.Dispose();
        _transaction = null;
        _savepoints = 0;
    }

    private void Reopen()
    {
        lock (_state)
        {
            _closing = false;
            _reopened.TrySetResult();
            _reopened = New();
        }
    }

    private static RpcException Retry() => new(new Status(StatusCode.Aborted,
        "another call written at the same moment failed and its transaction was rolled back; nothing of this call was written, retry"));

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection?.Dispose();
        _use.Dispose();
    }
}
