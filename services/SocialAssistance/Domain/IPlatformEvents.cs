using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// What the rest of the platform hears from the social-assistance window when a decision completes a service for a
/// household: feedback invites the household to rate it, staff-conduct counts the case for the staff member who
/// decided. Written to the outbox with the decision itself.
/// </summary>
public interface IPlatformEvents
{
    /// <summary>The events for one completed service (<paramref name="kind"/> of case <paramref name="caseId"/>) decided by <paramref name="staffId"/>.</summary>
    IReadOnlyList<OutboxMessage> ServiceCompleted(CompletedService kind, string caseId, string staffId, DateOnly day);
}
