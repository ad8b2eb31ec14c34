using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Storage;

internal static class OutboxWakeUp
{
    /// <summary>Wakes the outbox relay once a write that enqueued events is over, so they leave at once rather than at
    /// the relay's next poll. A write that stored nothing only causes a harmless look at the outbox.</summary>
    public static async Task<T> AfterAsync<T>(this OutboxSignal signal, IReadOnlyList<OutboxMessage> events, Task<T> write)
    {
        var result = await write;
        if (events.Count > 0) signal.Notify();
        return result;
    }
}
