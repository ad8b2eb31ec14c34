using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Working rectification cases through their steps, and the supervisors' list of overdue ones.</summary>
public sealed class Rectifications(IRectificationStore store, OfficeClock clock, FeedbackRules rules, IFeedbackObserver observer,
    IPlatformEvents events)
{
    public const int MaxNoteLength = 2000;

    public async Task<RectificationCase> GetAsync(string? caseId, CancellationToken cancellationToken = default)
    {
        var id = TextRules.Clean(caseId) ?? throw new ValidationFailed("case_id", "is required");
        return await store.FindAsync(id, cancellationToken) ?? throw new NotFound("rectification case", id);
    }

    public async Task<RectificationCase> RecordStepAsync(RecordStepCommand command, CancellationToken cancellationToken = default)
    {
        var action = (CaseAction)command.Action;
        new Validator()
            .Require(Enum.IsDefined(action) && action is not (CaseAction.Open or CaseAction.Escalate), "action",
                "must be one of the workflow steps (VERIFY, FIX_NOW, TRACK, ...); OPEN and ESCALATE are the system's")
            .RequireText(command.HandledBy, "handled_by", Ratings.MaxStaffIdLength)
            .RequireText(command.Note, "note", MaxNoteLength)
            .Require(command.ExpectedVersion >= 0, "expected_version", "must not be negative")
            .ThrowIfInvalid();
        var rectification = await GetAsync(command.CaseId, cancellationToken);
        var version = rectification.Version;
        if (command.ExpectedVersion > 0 && command.ExpectedVersion != version)
            throw Changed(rectification);
        var now = clock.Now;
        var step = rectification.Apply(action, command.HandledBy!.Trim(), command.Note!.Trim(), command.CitizenSatisfied, now,
            clock.DayOf(now), rules);
        var voided = action == CaseAction.UpholdAppeal ? rectification.RatingId : null;
        var closing = step.To == CaseStage.Closed ? events.RectificationClosed(rectification) : [];
        if (!await store.SaveStepAsync(rectification, version, voided, closing, cancellationToken))
            throw Changed(rectification);
        observer.Stepped(rectification, step);
        return rectification;
    }

    public Task<IReadOnlyList<RectificationCase>> ListOverdueAsync(Window? window, int limit, CancellationToken cancellationToken = default) =>
        store.ListOverdueAsync(window, clock.Today, Math.Clamp(limit <= 0 ? 100 : limit, 1, 500), cancellationToken);

    public const int MaxListed = 200;

    /// <summary>A window's cases opened in the period, latest first: the published record of its rectifications.</summary>
    public Task<IReadOnlyList<RectificationCase>> ListAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        window.IsDefined()
            ? store.ListAsync(window, period, MaxListed, cancellationToken)
            : throw new ValidationFailed("window", "must be one of the ten window types");

    public DateOnly Today => clock.Today;

    /// <summary>
    /// Puts every overdue case not yet escalated on the supervisors' list, as a step of its history, and returns the
    /// overdue cases. A case someone is changing at this moment is left for the next look.
    /// </summary>
    public async Task<IReadOnlyList<RectificationCase>> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var overdue = await store.ListOverdueAsync(null, clock.Today, 500, cancellationToken);
        foreach (var rectification in overdue.Where(c => !c.Escalated))
        {
            var version = rectification.Version;
            var now = clock.Now;
            var step = rectification.Apply(CaseAction.Escalate, RectificationCase.SystemActor, $"past its deadline of {Dates.Format(rectification.Deadline)}",
                false, now, clock.DayOf(now), rules);
            if (await store.SaveStepAsync(rectification, version, null, null, cancellationToken))
                observer.Stepped(rectification, step);
        }
        return overdue;
    }

    private static RuleViolated Changed(RectificationCase rectification) =>
        new("case-changed", $"case {rectification.Id} was changed by someone else; read it again and retry the step");
}
