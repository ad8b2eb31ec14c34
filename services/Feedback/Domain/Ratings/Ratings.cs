using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// Rating completed services (一次一评, 一事一评) through their invitations, and reading the satisfaction they add up
/// to. A dissatisfied or very dissatisfied rating opens its rectification case in the same write.
/// </summary>
public sealed class Ratings(IRatingStore store, IInvitationStore invitations, OfficeClock clock, FeedbackRules rules,
    IFeedbackObserver observer, IPlatformEvents events)
{
    public const int MaxCommentLength = 500;
    public const int MaxReferenceLength = 200;
    public const int MaxStaffIdLength = 64;

    public async Task<Rating> RateAsync(RateServiceCommand command, CancellationToken cancellationToken = default)
    {
        Validate(command);
        var invitationId = command.InvitationId!.Trim();
        var invitation = await invitations.FindAsync(invitationId, cancellationToken) ?? throw new NotFound("invitation", invitationId);
        RequireMatches(command, invitation);

        var now = clock.Now;
        if (invitation.HasExpired(now))
            throw new RuleViolated("invitation-expired",
                $"the invitation to rate '{invitation.ServiceReference}' expired on {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        var rating = new Rating(
            Id: NewId(),
            Window: invitation.Window,
            StaffId: invitation.StaffId,
            ServiceReference: invitation.ServiceReference,
            Level: (RatingLevel)command.Level,
            Comment: TextRules.Clean(command.Comment),
            Channel: command.Channel == 0 ? invitation.Channel : (RatingChannel)command.Channel,
            RatedAt: now,
            RatedOn: clock.DayOf(now),
            InvitationId: invitation.Id);
        var opened = rating.Level.IsDissatisfied() ? RectificationCase.OpenFor(rating, rules) : null;
        if (await store.AddAsync(rating, opened, events.Rated(rating, opened), cancellationToken) == AddOutcome.Duplicate)
            throw new AlreadyExists("rating", $"the service '{rating.ServiceReference}' has already been rated; each service is rated once");
        observer.Rated(rating);
        return rating;
    }

    public Task<SatisfactionFigures> SummaryAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        store.CountByLevelAsync(scope, period, cancellationToken);

    private static void Validate(RateServiceCommand command) => new Validator()
        .Require(!string.IsNullOrWhiteSpace(command.InvitationId), "invitation_id",
            "is required: a service is rated through the invitation its window sent")
        .Require(((RatingLevel)command.Level).IsDefined(), "level", "is required: one of the five rating levels")
        .LimitText(command.Comment, "comment", MaxCommentLength)
        .Require(command.Channel == 0 || Enum.IsDefined((RatingChannel)command.Channel), "channel", "must be ON_SITE_PAD, SMS_LINK, WEB or HOTLINE")
        .ThrowIfInvalid();

    /// <summary>Details sent along with the invitation id must be the invitation's own.</summary>
    private static void RequireMatches(RateServiceCommand command, Invitation invitation) => new Validator()
        .Require(command.Window == Window.Unspecified || command.Window == invitation.Window, "window", "differs from the invitation's window")
        .Require(TextRules.Clean(command.StaffId) is null || TextRules.Clean(command.StaffId) == invitation.StaffId, "staff_id",
            "differs from the invitation's staff member")
        .Require(TextRules.Clean(command.ServiceReference) is null || TextRules.Clean(command.ServiceReference) == invitation.ServiceReference,
            "service_reference", "differs from the invitation's service")
        .ThrowIfInvalid();

    private static string NewId() => "r-" + Guid.CreateVersion7().ToString("N");
}
