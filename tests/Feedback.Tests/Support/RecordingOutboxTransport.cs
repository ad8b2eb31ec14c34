using System.Collections.Concurrent;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>Stands in for staff-conduct behind the outbox relay: keeps every event it is sent, so a test sees what
/// feedback told the platform while the relay, the outbox and its ordering run for real.</summary>
public sealed class RecordingOutboxTransport : IOutboxTransport
{
    private readonly ConcurrentQueue<OutboxMessage> _sent = new();

    public Task SendAsync(OutboxMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The events sent about <paramref name="aggregateId"/> once <paramref name="count"/> have arrived, or
    /// what arrived within 15 seconds, for the test's assertions to show.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> AboutAsync(string aggregateId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_sent.Count(m => m.AggregateId == aggregateId) < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return _sent.Where(m => m.AggregateId == aggregateId).ToList();
    }
}
