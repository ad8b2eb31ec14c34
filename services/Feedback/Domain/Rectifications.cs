using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Working rectification cases through their steps, and the supervisors' list of overdue ones.</summary>
public sealed class Rectifications(IRectificationStore store, OfficeClock clock, FeedbackRules rules)
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
            .Require(Enum.IsDefined(action) && action != CaseAction.Open, "action", "must be one of the workflow steps (VERIFY, FIX_NOW, TRACK, ...)")
            .RequireText(command.HandledBy, "handled_by", Ratings.MaxStaffIdLength)
            .RequireText(command.Note, "note", MaxNoteLength)
            .Require(command.ExpectedVersion >= 0, "expected_version", "must not be negative")
            .ThrowIfInvalid();
        var rectification = await GetAsync(command.CaseId, cancellationToken);

        var fingerprint = command.Fingerprint();
        if (IdempotentCreation.AlreadyAppended(rectification.Steps.Select(s => s.Idempotency), command.IdempotencyKey, fingerprint,
                "step of this case"))
            return rectification;

        var version = rectification.Version;
        if (command.ExpectedVersion > 0 && command.ExpectedVersion != version)
            throw Changed(rectification);
        var now = clock.Now;
        var step = rectification.Apply(action, command.HandledBy!.Trim(), command.Note!.Trim(), command.CitizenSatisfied, now,
            clock.DayOf(now), rules, command.IdempotencyKey is { } k ? new Idempotency(k, fingerprint) : null);
        var voided = action == CaseAction.UpholdAppeal ? rectification.RatingId : null;
        if (!await store.SaveStepAsync(rectification, version, step, voided, cancellationToken))
            throw Changed(rectification);
        return rectification;
    }

    public Task<IReadOnlyList<RectificationCase>> ListOverdueAsync(Window? window, int limit, CancellationToken cancellationToken = default) =>
        store.ListOverdueAsync(window, clock.Today, Math.Clamp(limit <= 0 ? 100 : limit, 1, 500), cancellationToken);

    public DateOnly Today => clock.Today;

    private static RuleViolated Changed(RectificationCase rectification) =>
        new("case-changed", $"case {rectification.Id} was changed by someone else; read it again and retry the step");
}
