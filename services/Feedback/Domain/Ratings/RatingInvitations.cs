using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// Invitations to rate, created by the services that complete transactions. Delivery is at least once, so asking
/// again for the same service with the same details returns the invitation already made.
/// </summary>
public sealed class RatingInvitations(IInvitationStore invitations, IRatingStore ratings, OfficeClock clock, FeedbackRules rules)
{
    public async Task<Invitation> CreateAsync(CreateInvitationCommand command, CancellationToken cancellationToken = default)
    {
        new Validator()
            .Require(command.Window.IsDefined(), "window", "must be one of the ten window types")
            .RequireText(command.ServiceReference, "service_reference", Ratings.MaxReferenceLength)
            .LimitText(command.StaffId, "staff_id", Ratings.MaxStaffIdLength)
            .Require(Enum.IsDefined((RatingChannel)command.Channel), "channel", "is required: ON_SITE_PAD, SMS_LINK, WEB or HOTLINE")
            .ThrowIfInvalid();
        var reference = command.ServiceReference!.Trim();
        var staffId = TextRules.Clean(command.StaffId);
        var channel = (RatingChannel)command.Channel;

        // The producer's relay delivers at least once: the same service with the same details is the same invitation.
        if (await invitations.FindByServiceReferenceAsync(reference, cancellationToken) is { } existing)
            return existing.SameAs(command.Window, staffId, reference, channel)
                ? existing
                : throw new AlreadyExists("invitation", $"the service '{reference}' already has an invitation with other details");

        var now = clock.Now;
        var invitation = new Invitation("inv-" + Guid.CreateVersion7().ToString("N"), command.Window, staffId, reference, channel,
            now, now + rules.InvitationValidFor);
        return await invitations.AddAsync(invitation, cancellationToken) == AddOutcome.Added
            ? invitation
            : throw new AlreadyExists("invitation", $"the service '{reference}' was invited at the same moment by another request; ask again");
    }

    public async Task<(Invitation Invitation, InvitationStatus Status)> GetAsync(string? invitationId, CancellationToken cancellationToken = default)
    {
        var id = TextRules.Clean(invitationId) ?? throw new ValidationFailed("invitation_id", "is required");
        var invitation = await invitations.FindAsync(id, cancellationToken) ?? throw new NotFound("invitation", id);
        var rated = await ratings.FindByServiceReferenceAsync(invitation.ServiceReference, cancellationToken) is not null;
        var status = rated ? InvitationStatus.Rated : invitation.HasExpired(clock.Now) ? InvitationStatus.Expired : InvitationStatus.Open;
        return (invitation, status);
    }
}
