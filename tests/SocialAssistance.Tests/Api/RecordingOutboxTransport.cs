using System.Collections.Concurrent;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// Stands in for feedback and staff-conduct behind the outbox relay: accepts every event and keeps it, so a test sees
/// exactly what the service told the platform (the relay, its store and its ordering run for real).
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

    /// <summary>The events sent once at least <paramref name="count"/> have arrived (the relay delivers in the background),
    /// or what arrived within 15 seconds, for the test's assertions to show.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> AtLeastAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_sent.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return Sent;
    }
}
