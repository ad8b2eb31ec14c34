using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A dibao (最低生活保障) application and, once confirmed, the case it becomes. A household has at most one open
/// application at a time; a closed one (refused, withdrawn, terminated) stays in the archive. The transitions are in
/// DibaoTransitions; every one appends to <see cref="History"/>.
/// </summary>
public sealed record DibaoApplication
{
    public required string Id { get; init; }
    public required string HouseholdId { get; init; }
    public required ApplicantKind ApplicantKind { get; init; }
    public string ApplicantName { get; init; } = "";
    public string Reason { get; init; } = "";
    public required ApplicationStatus Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public int Version { get; init; } = 1;

    public DateOnly? AcceptedOn { get; init; }
    public string CaseworkerId { get; init; } = "";
    public DateOnly? OverallDue { get; init; }
    public string ExtensionReason { get; init; } = "";
    public HomeVisit? HomeVisit { get; init; }
    public MeansTest? MeansTest { get; init; }
    public CommunityReview? CommunityReview { get; init; }
    public PublicPosting? Posting { get; init; }
    public DateOnly? ConfirmBy { get; init; }
    public Refusal? Refusal { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public string ConfirmedBy { get; init; } = "";
    public long MonthlyBenefitFen { get; init; }
    /// <summary>The first day of the first month paid: the month after confirmation.</summary>
    public DateOnly? BenefitStartMonth { get; init; }
    public ReviewCategory ReviewCategory { get; init; }
    public DateOnly? NextReviewDue { get; init; }
    public IReadOnlyList<BenefitAdjustment> Adjustments { get; init; } = [];
    /// <summary>Suitable work refused without good reason, as the release before counted it (the whole household, for
    /// life); kept to read old cases, no rule uses it now: see <see cref="MemberWork"/>.</summary>
    public int WorkRefusals { get; init; }
    /// <summary>Each member's consecutive refusals of suitable work, and whether that member's share is cut.</summary>
    public IReadOnlyList<MemberWorkRecord> MemberWork { get => field ?? []; init; } = [];
    /// <summary>The amounts paid month by month (empty on cases confirmed before: then <see cref="MonthlyBenefitFen"/>).</summary>
    public IReadOnlyList<MonthlyAmount> Amounts { get => field ?? []; init; } = [];
    /// <summary>Gradual exit (渐退): the income rose above the standard through employment; paid until this month.</summary>
    public DateOnly? GradualExitLastMonth { get; init; }
    public IReadOnlyList<CaseEvent> History { get; init; } = [];

    /// <summary>The amounts by month, those of a case confirmed before schedules existed included.</summary>
    public IReadOnlyList<MonthlyAmount> Schedule => Amounts.Count > 0 || BenefitStartMonth is not { } start
        ? Amounts
        : [new MonthlyAmount(start, MonthlyBenefitFen, MeansTest?.MonthlyStandardFen ?? 0, MeansTest?.StandardEffectiveFrom ?? start)];

    /// <summary>What the case pays for the month (0 before it starts or after a gradual exit ends).</summary>
    public long BenefitFor(DateOnly month)
    {
        if (BenefitStartMonth is not { } start || month < start || GradualExitLastMonth < month) return 0;
        return Schedule.LastOrDefault(a => a.FromMonth <= month)?.AmountFen ?? 0;
    }

    public int MembersCut => MemberWork.Count(w => w.ShareCut);

    public bool IsOpen => Status is not (ApplicationStatus.Refused or ApplicationStatus.Withdrawn or ApplicationStatus.Terminated);

    public bool IsExtended => ExtensionReason.Length > 0;

    /// <summary>The date by which the next step is due, if the case is waiting on the bureau.</summary>
    public DateOnly? CurrentDeadline => Status switch
    {
        ApplicationStatus.Accepted or ApplicationStatus.Investigating or ApplicationStatus.CommunityReview => OverallDue,
        ApplicationStatus.Posted when IsExtended && OverallDue > ConfirmBy => OverallDue,
        ApplicationStatus.Posted => ConfirmBy,
        ApplicationStatus.Refused when Refusal is { NotifiedOn: null } => Refusal.NotifyBy,
        _ => null,
    };

    public bool IsOverdueOn(DateOnly today) => CurrentDeadline is { } due && today > due;

    /// <summary>Refuses an action the current state does not allow, naming that state.</summary>
    internal void RequireStatus(string action, params ApplicationStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new RuleViolated("illegal-transition",
                $"cannot {action}: the application is {Status.Code()} (allowed from {string.Join(", ", allowed.Select(s => s.Code()))})");
    }

    internal DibaoApplication Record(DateTimeOffset at, string action, string by, ApplicationStatus to, string note = "") => this with
    {
        Status = to,
        History = [.. History, new CaseEvent(at, action, by, Status, to, note)],
    };
}
