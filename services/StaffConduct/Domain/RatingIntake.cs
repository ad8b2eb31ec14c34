namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// Receives what the feedback service reports about a staff member: ratings (a bad one becomes a complaint on the
/// conduct record) and the close of a complaint's rectification case. Both arrive through feedback's outbox, at least
/// once: the rating id and the case id make a repeated delivery change nothing.
/// </summary>
public sealed class RatingIntake(StaffRegistry registry, IRatingLedger ledger, BureauClock clock)
{
    public sealed record RatingReport(string? StaffId, Window Window, RatingLevel Level, string? RatingId, string? RatedOn, string? RectificationCaseId);

    public sealed record ClosureReport(string? CaseId, string? StaffId, string? RatingId, bool OnTime, RectificationOutcome Outcome, string? ClosedOn);

    public async Task<ServiceRating> RecordRatingAsync(RatingReport report, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var staffId = Text.RequireId(report.StaffId, "staff_id", v);
        var ratingId = Text.RequireId(report.RatingId, "rating_id", v);
        v.Require(Enum.IsDefined(report.Level), "level", "is required: one of the five levels from VERY_SATISFIED to VERY_DISSATISFIED");
        var ratedOn = PastDate(report.RatedOn, "rated_on", v);
        var caseId = Text.Optional(report.RectificationCaseId, "rectification_case_id", 64, v);
        v.ThrowIfInvalid();

        var member = await registry.GetAsync(staffId, cancellationToken);
        var window = report.Window == Window.Unspecified ? member.Profile.Window : report.Window;
        StaffRegistry.RequireServes(member, window);
        var rating = new ServiceRating(ratingId, staffId, window, report.Level, ratedOn, caseId.Length == 0 ? null : caseId, clock.Now);
        return await ReportedOnce.RecordAsync(rating,
            () => ledger.FindRatingAsync(ratingId, cancellationToken),
            () => ledger.AddRatingAsync(rating, cancellationToken),
            (stored, asked) => stored with { RecordedAt = asked.RecordedAt } == asked,
            "rating_id");
    }

    public async Task<RectificationClosure> RecordClosureAsync(ClosureReport report, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var caseId = Text.RequireId(report.CaseId, "case_id", v);
        var staffId = Text.RequireId(report.StaffId, "staff_id", v);
        var ratingId = Text.RequireId(report.RatingId, "rating_id", v);
        v.Require(Enum.IsDefined(report.Outcome), "outcome", "is required: RESOLVED, UNRESOLVED or RATING_VOIDED");
        var closedOn = string.IsNullOrWhiteSpace(report.ClosedOn) ? clock.Today : PastDate(report.ClosedOn, "closed_on", v);
        v.ThrowIfInvalid();

        await registry.GetAsync(staffId, cancellationToken);
        // The rating normally arrives first; when it has not (yet), the close is kept and joins it on the record later.
        if (await ledger.FindRatingAsync(ratingId, cancellationToken) is { } rating)
        {
            if (rating.StaffId != staffId)
                throw new ValidationFailed("staff_id", $"is not the staff member rating {ratingId} was about");
            if (!rating.IsComplaint)
                throw new RuleViolated("not-a-complaint", $"rating {ratingId} was not a bad rating: it opened no rectification case");
        }
        var closure = new RectificationClosure(caseId, staffId, ratingId, report.OnTime, report.Outcome, closedOn, clock.Now);
        return await ReportedOnce.RecordAsync(closure,
            () => ledger.FindClosureAsync(caseId, cancellationToken),
            () => ledger.AddClosureAsync(closure, cancellationToken),
            (stored, asked) => stored with { RecordedAt = asked.RecordedAt } == asked,
            "case_id");
    }

    private DateOnly PastDate(string? text, string field, Validator v)
    {
        var date = Text.Date(text, field, v);
        if (date != default) v.Require(date <= clock.Today, field, "must not be in the future");
        return date;
    }
}
