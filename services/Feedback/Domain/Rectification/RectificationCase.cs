using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// The follow-up of one dissatisfied or very dissatisfied rating (整改): verify and call back; fix now, track to a
/// deadline, or explain; reply; call back again. The rating can be appealed as mistaken or malicious on the way.
/// Every step is appended to <see cref="Steps"/>; <see cref="Version"/> guards against two clerks acting at once.
/// </summary>
public sealed class RectificationCase
{
    /// <summary>Who takes the steps nobody asked for: opening, escalation.</summary>
    public const string SystemActor = "system";

    public required string Id { get; init; }
    public required string RatingId { get; init; }
    public required Window Window { get; init; }
    public string? StaffId { get; init; }
    public required string ServiceReference { get; init; }
    public required RatingLevel Level { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required DateOnly OpenedOn { get; init; }
    public required DateOnly Deadline { get; set; }
    public required CaseStage Stage { get; set; }
    public CaseStage? StageBeforeAppeal { get; set; }
    public CaseOutcome Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; } = 1;
    public List<CaseStep> Steps { get; init; } = [];

    public bool IsClosed => Stage == CaseStage.Closed;

    public bool IsOverdue(DateOnly today) => !IsClosed && today > Deadline;

    /// <summary>Whether the case has been put on the supervisors' list.</summary>
    public bool Escalated => Steps.Any(s => s.Action == CaseAction.Escalate);

    /// <summary>Null while open; whether it closed on or before its deadline.</summary>
    public bool? ClosedOnTime => ClosedOn is { } closed ? closed <= Deadline : null;

    /// <summary>One case per rating, so its id follows from the rating's.</summary>
    public static string IdFor(string ratingId) => "rc-" + ratingId;

    public static RectificationCase OpenFor(Rating rating, FeedbackRules rules)
    {
        var deadline = rules.DeadlineFor(rating.Window);
        return new RectificationCase
        {
            Id = IdFor(rating.Id),
            RatingId = rating.Id,
            Window = rating.Window,
            StaffId = rating.StaffId,
            ServiceReference = rating.ServiceReference,
            Level = rating.Level,
            OpenedAt = rating.RatedAt,
            OpenedOn = rating.RatedOn,
            Deadline = rules.Calendar.AddWorkingDays(rating.RatedOn, deadline.WorkingDays),
            Stage = CaseStage.Open,
            Steps = [new CaseStep(1, CaseAction.Open, CaseStage.Open, CaseStage.Open, SystemActor, "opened by the rating", rating.RatedAt)],
        };
    }

    /// <summary>Applies one step, or refuses it when the case is not at a stage where it can happen.</summary>
    /// <param name="citizenSatisfied">For the last call back: what the citizen said.</param>
    public CaseStep Apply(CaseAction action, string handledBy, string? note, bool citizenSatisfied, DateTimeOffset at, DateOnly today,
        FeedbackRules rules)
    {
        var from = Stage;
        var to = (action, from) switch
        {
            (CaseAction.Verify, CaseStage.Open) => CaseStage.Verified,
            (CaseAction.FixNow, CaseStage.Verified) => CaseStage.Fixed,
            (CaseAction.Track, CaseStage.Verified) => CaseStage.InProgress,
            (CaseAction.CompleteFix, CaseStage.InProgress) => CaseStage.Fixed,
            (CaseAction.Explain, CaseStage.Verified or CaseStage.InProgress) => CaseStage.Explained,
            (CaseAction.Reply, CaseStage.Fixed or CaseStage.Explained) => CaseStage.Replied,
            (CaseAction.CallBack, CaseStage.Replied) => CaseStage.Closed,
            (CaseAction.Appeal, not (CaseStage.Closed or CaseStage.AppealPending)) => CaseStage.AppealPending,
            (CaseAction.UpholdAppeal, CaseStage.AppealPending) => CaseStage.Closed,
            (CaseAction.RejectAppeal, CaseStage.AppealPending) => StageBeforeAppeal ?? CaseStage.Open,
            (CaseAction.Escalate, not CaseStage.Closed) when IsOverdue(today) && !Escalated => from,
            _ => throw new RuleViolated("case-step-out-of-order",
                $"case {Id} is {Describe(from)}: the step {action} cannot be taken now"),
        };

        if (action is CaseAction.UpholdAppeal or CaseAction.RejectAppeal) AppealReviewedByAnotherPerson.Check(this, handledBy);

        switch (action)
        {
            case CaseAction.Track:
                Deadline = rules.Calendar.AddWorkingDays(OpenedOn, rules.DeadlineFor(Window).ComplexWorkingDays);
                break;
            case CaseAction.Appeal:
                StageBeforeAppeal = from;
                break;
            case CaseAction.RejectAppeal:
                StageBeforeAppeal = null;
                break;
            case CaseAction.UpholdAppeal:
                Outcome = CaseOutcome.RatingVoided;
                break;
            case CaseAction.CallBack:
                Outcome = citizenSatisfied ? CaseOutcome.Resolved : CaseOutcome.Unresolved;
                break;
        }
        if (to == CaseStage.Closed) ClosedOn = today;
        Stage = to;
        var step = new CaseStep(Steps.Count + 1, action, from, to, handledBy, note, at);
        Steps.Add(step);
        Version++;
        return step;
    }

    private static string Describe(CaseStage stage) => stage switch
    {
        CaseStage.Open => "waiting to be verified",
        CaseStage.Verified => "verified and waiting for a decision (fix now, track, or explain)",
        CaseStage.InProgress => "being fixed to its deadline",
        CaseStage.Fixed or CaseStage.Explained => "waiting for the reply to the citizen",
        CaseStage.Replied => "waiting for the last call back",
        CaseStage.AppealPending => "under appeal review",
        _ => "closed",
    };
}
