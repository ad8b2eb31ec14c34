using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// What the rest of the platform hears from feedback: staff-conduct puts every rating of a named staff member on the
/// conduct record (a bad one as a complaint) and learns how each complaint's rectification ended. Written to the
/// outbox in the same write as the rating or the closing step.
/// </summary>
public interface IPlatformEvents
{
    /// <summary>The events for a new rating (none when it names no staff member); <paramref name="openedCase"/> is
    /// the rectification case a bad rating opened.</summary>
    IReadOnlyList<OutboxMessage> Rated(Rating rating, RectificationCase? openedCase);

    /// <summary>The events for a rectification case that has just closed (none when it names no staff member).</summary>
    IReadOnlyList<OutboxMessage> RectificationClosed(RectificationCase closed);
}
