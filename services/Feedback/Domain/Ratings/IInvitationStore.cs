namespace CivilAffairs.Feedback.Domain;

/// <summary>Rating invitations, one per completed service.</summary>
public interface IInvitationStore
{
    /// <summary>Stores a new invitation; <see cref="AddOutcome.Duplicate"/> when its service already has one.</summary>
    Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default);

    Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default);

    Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default);

    Task<Invitation?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);
}
