using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// A producing service's request that the citizen rate one completed service (一事一评): the only way in to a
/// rating. It names the window, the staff member and the service, and is good until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record Invitation(
    string Id,
    Window Window,
    string? StaffId,
    string ServiceReference,
    RatingChannel Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool HasExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Whether another request asks for the same invitation (a retry of the producer's event).</summary>
    public bool SameAs(Window window, string? staffId, string serviceReference, RatingChannel channel) =>
        Window == window && StaffId == staffId && ServiceReference == serviceReference && Channel == channel;
}
