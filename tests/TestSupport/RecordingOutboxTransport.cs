using CivilAffairs.TestSupport;
using System.Collections.Concurrent;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.TestSupport;

/// <summary>
/// Stands in for the consumers behind a service's outbox relay in in-memory tests: accepts every event and keeps it,
/// so a test sees exactly what the service told the platform (the relay, its store and its ordering run for real).
/// Tests against real consumers use real processes instead (tests/Platform.Tests/BreakingThings).
/// </summary>
public sealed class RecordingOutboxTransport : IOutboxTransport
{
    private readonly ConcurrentQueue<OutboxMessage> _sent = new();

    public IReadOnlyList<OutboxMessage> Sent => _sent.ToArray();

    public Task SendAsync(OutboxMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The events sent once at least <paramref name="count"/> matching ones have arrived (the relay delivers
    /// in the background), or what arrived within <see cref="Eventually.Patience"/>, for the test's assertions to show.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> AtLeastAsync(int count, Func<OutboxMessage, bool>? which = null)
    {
        which ??= _ => true;
        await Eventually.TrueAsync(() => _sent.Count(which) >= count);
        return _sent.Where(which).ToList();
    }

    /// <summary>The events about one aggregate, once <paramref name="count"/> of them have arrived.</summary>
    public Task<IReadOnlyList<OutboxMessage>> AboutAsync(string aggregateId, int count) => AtLeastAsync(count, m => m.AggregateId == aggregateId);
}
