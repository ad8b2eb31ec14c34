namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Publishes staff members' commitments (亮承诺), records whether they were kept, and lists the overdue.</summary>
public sealed class CommitmentDesk(StaffRegistry registry, IStaffDirectory directory, ICommitmentBook book, BureauClock clock)
{
    public async Task<Commitment> PublishAsync(string? staffId, string? text, string? deadline, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var cleanText = Text.Require(text, "text", Commitment.MaxTextLength, v);
        var due = Text.Date(deadline, "deadline", v);
        if (due != default)
            v.Require(due >= clock.Today, "deadline", $"must be today ({Dates.Format(clock.Today)}) or later");
        var id = Text.RequireId(staffId, "staff_id", v);
        v.ThrowIfInvalid();

        var member = await registry.GetAsync(id, cancellationToken);
        var commitment = new Commitment(Ids.New(), member.Id, member.Profile.Window, cleanText, due, clock.Now, null);
        await book.AddAsync(commitment, cancellationToken);
        return commitment;
    }

    /// <summary>Records that a commitment was kept or broken, with the evidence. An outcome is recorded once.</summary>
    public async Task<Commitment> ResolveAsync(string? commitmentId, bool? kept, string? evidence, string? recordedBy,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var id = Text.RequireId(commitmentId, "commitment_id", v);
        v.Require(kept is not null, "outcome", "must be COMMITMENT_KEPT or COMMITMENT_BROKEN");
        var proof = Text.Require(evidence, "evidence", Text.MaxEvidence, v);
        var who = Text.Require(recordedBy, "recorded_by", StaffProfile.MaxNameLength, v);
        v.ThrowIfInvalid();

        var commitment = await book.GetAsync(id, cancellationToken) ?? throw new NotFound("commitment", id);
        if (commitment.Outcome is { } earlier) throw AlreadyResolved(earlier);
        var outcome = new CommitmentOutcome(kept!.Value, proof, who, clock.Now);
        if (await book.ResolveAsync(id, outcome, cancellationToken) == CommitmentResolve.Resolved) return commitment with { Outcome = outcome };
        throw AlreadyResolved((await book.GetAsync(id, cancellationToken))!.Outcome!);
    }

    /// <summary>Open commitments whose deadline has passed, oldest deadline first, with who made them.</summary>
    public async Task<OverdueList> OverdueAsync(Window? window, CancellationToken cancellationToken = default)
    {
        if (window is { } w && !w.IsDefined()) throw new ValidationFailed("window", "must be one of the ten window types");
        var today = clock.Today;
        var overdue = await book.ListOpenDueBeforeAsync(window, today, cancellationToken);
        var staff = (await directory.ListByIdsAsync(overdue.Select(c => c.StaffId).Distinct().ToList(), cancellationToken))
            .ToDictionary(s => s.Id);
        return new OverdueList(today, overdue
            .Select(c => new OverdueCommitment(c, staff[c.StaffId], today.DayNumber - c.Deadline.DayNumber))
            .ToList());
    }

    private static RuleViolated AlreadyResolved(CommitmentOutcome earlier) => new("commitment-already-resolved",
        $"this commitment was already recorded as {(earlier.Kept ? "kept" : "broken")} by {earlier.RecordedBy}; an outcome is recorded once");
}

public sealed record OverdueList(DateOnly Day, IReadOnlyList<OverdueCommitment> Commitments);

public sealed record OverdueCommitment(Commitment Commitment, StaffMember Staff, int DaysOverdue);
