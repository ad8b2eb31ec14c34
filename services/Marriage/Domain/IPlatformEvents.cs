using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// What the rest of the platform hears from the marriage window when a service is completed: feedback invites the
/// couple to rate it, staff-conduct counts the case for the clerk. Written to the outbox with the change itself.
/// </summary>
public interface IPlatformEvents
{
    /// <summary>The events for one completed service (a registration, a divorce, a reissue) handled by <paramref name="clerkId"/>.</summary>
    IReadOnlyList<OutboxMessage> ServiceCompleted(string aggregateId, string serviceReference, string clerkId, DateOnly day);
}
