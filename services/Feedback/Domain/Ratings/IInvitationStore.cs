namespace CivilAffairs.Feedback.Domain;

/// <summary>Rating invitations, one per completed service.</summary>
public interface IInvitationStore
{
    /// <summary>Stores a new invitation; <see cref="AddOutcome.Duplicate"/> when its service already has one: that is
    /// what keeps a producer's event, delivered again after its idempotency record has expired, from inviting twice.</summary>
    Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default);

    Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default);

    Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default);
}
