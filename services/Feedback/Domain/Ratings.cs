using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Rating completed services (一次一评, 一事一评) and reading the satisfaction they add up to.</summary>
public sealed class Ratings(IRatingStore store, OfficeClock clock)
{
    public const int MaxCommentLength = 500;
    public const int MaxReferenceLength = 200;
    public const int MaxStaffIdLength = 64;

    public async Task<Rating> RateAsync(RateServiceCommand command, CancellationToken cancellationToken = default)
    {
        Validate(command);
        return await IdempotentCreation.CreateAsync(command.IdempotencyKey, command.Fingerprint(), "rating",
            key => store.FindByIdempotencyKeyAsync(key, cancellationToken),
            idempotency =>
            {
                var now = clock.Now;
                return new Rating(
                    Id: NewId(),
                    Window: command.Window,
                    StaffId: TextRules.Clean(command.StaffId),
                    ServiceReference: command.ServiceReference!.Trim(),
                    Level: (RatingLevel)command.Level,
                    Comment: TextRules.Clean(command.Comment),
                    Channel: (RatingChannel)command.Channel,
                    RatedAt: now,
                    RatedOn: clock.DayOf(now),
                    Idempotency: idempotency);
            },
            rating => store.AddAsync(rating, cancellationToken),
            rating => new AlreadyExists("rating", $"the service '{rating.ServiceReference}' has already been rated; each service is rated once"));
    }

    public Task<SatisfactionFigures> SummaryAsync(RatingScope scope, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        store.CountByLevelAsync(scope, period, cancellationToken);

    private static void Validate(RateServiceCommand command)
    {
        var validator = new Validator()
            .Require(command.Window.IsDefined(), "window", "must be one of the ten window types")
            .Require(((RatingLevel)command.Level).IsDefined(), "level", "is required: one of the five rating levels")
            .RequireText(command.ServiceReference, "service_reference", MaxReferenceLength)
            .LimitText(command.StaffId, "staff_id", MaxStaffIdLength)
            .LimitText(command.Comment, "comment", MaxCommentLength)
            .Require(Enum.IsDefined((RatingChannel)command.Channel), "channel", "is required: ON_SITE_PAD, SMS_LINK, WEB or HOTLINE");
        validator.ThrowIfInvalid();
    }

    private static string NewId() => "r-" + Guid.CreateVersion7().ToString("N");
}
