using System.Diagnostics;
using CivilAffairs.SharedKernel;
using Google.Protobuf;

namespace CivilAffairs.ServiceDefaults.Outbox;

/// <summary>What every producer repeats around the outbox: building a message from the consumer's request, and
/// waking the relay once the write that enqueued it has committed.</summary>
public static class OutboxEvents
{
    /// <summary>A fresh event id, ordered by time so ids read in the order they were made.</summary>
    public static string NewEventId(TimeProvider time) => "evt_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>An event carrying <paramref name="request"/> for <paramref name="method"/> of <paramref name="target"/>,
    /// written now and continuing the current trace.</summary>
    public static OutboxMessage Message(TimeProvider time, string eventId, string aggregateId, string target, string method, Window window,
        IMessage request) =>
        new(eventId, aggregateId, target, method, request.ToByteArray(), window, Activity.Current?.Id, time.GetUtcNow());

    /// <summary>Wakes the relay once <paramref name="write"/> is over, so enqueued events leave at once rather than at
    /// the relay's next poll. A write that stored nothing only causes a harmless look at the outbox.</summary>
    public static async Task<T> AfterAsync<T>(this OutboxSignal signal, IReadOnlyList<OutboxMessage>? events, Task<T> write)
    {
        var result = await write;
        if (events is { Count: > 0 }) signal.Notify();
        return result;
    }
}
