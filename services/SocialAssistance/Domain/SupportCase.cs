namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// An extreme-poverty support case (one person, paid monthly) or a temporary-assistance case (one payment; on the
/// emergency fast track paid first, with the paperwork tracked until it is done).
/// </summary>
public sealed record SupportCase
{
    public required string Id { get; init; }
    public required string HouseholdId { get; init; }
    public required Programme Programme { get; init; }
    public required SupportStatus Status { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }
    public string Reason { get; init; } = "";
    public int Version { get; init; } = 1;

    /// <summary>Extreme poverty: the person supported (by position in the household), how, and the checks made.</summary>
    public int MemberIndex { get; init; } = -1;
    public string PersonName { get; init; } = "";
    public string PersonIdNumber { get; init; } = "";
    public CareMode CareMode { get; init; }
    public ExtremePovertyCheck? Eligibility { get; init; }
    public long MonthlySupportFen { get; init; }
    public DateOnly? SupportStartMonth { get; init; }

    /// <summary>Temporary assistance: the one-off amount, and for the emergency fast track its paperwork.</summary>
    public long AmountFen { get; init; }
    public bool Emergency { get; init; }
    public DateOnly? PaidOn { get; init; }
    public string ApprovedBy { get; init; } = "";
    public DateOnly? PostingStartsOn { get; init; }
    public DateOnly? PostingEndsOn { get; init; }
    public DateOnly? PaperworkDue { get; init; }
    public DateOnly? PaperworkCompletedOn { get; init; }
    public string PaperworkNotes { get; init; } = "";
    public string RefusalReasons { get; init; } = "";
    public string RefusedBy { get => field ?? ""; init; } = "";
    public DateOnly? RefusedOn { get; init; }
    public DateOnly? RefusalNotifyBy { get; init; }
    public DateOnly? RefusalNotifiedOn { get; init; }
    /// <summary>Objections lodged during the public posting of temporary assistance.</summary>
    public IReadOnlyList<Objection> Objections { get => field ?? []; init; } = [];

    /// <summary>Extreme poverty: the yearly review, and how support ended (suspended or stopped) with its reasons.</summary>
    public DateOnly? NextReviewDue { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
    /// <summary>The last month paid once support is suspended or stopped (the month of the decision).</summary>
    public DateOnly? PaidThroughMonth { get; init; }
    public SupportEndGround EndGround { get; init; }
    public string EndReasons { get => field ?? ""; init; } = "";
    public DateOnly? EndedOn { get; init; }
    /// <summary>When the ground arose (the date of death, of the move...), as recorded.</summary>
    public DateOnly? GroundOccurredOn { get; init; }

    public IReadOnlyList<SupportEvent> History { get; init; } = [];

    /// <summary>The key that keeps one open extreme-poverty case per person (null when none is needed).</summary>
    public string? OpenKey => Programme == Programme.ExtremePoverty && Status is SupportStatus.Active or SupportStatus.Suspended
        ? $"extreme-poverty:{PersonIdNumber}" : null;

    /// <summary>Extreme poverty: paid for the month when started and not past the last month of a suspension or stop.</summary>
    public bool PaysFor(DateOnly month) =>
        Programme == Programme.ExtremePoverty && SupportStartMonth <= month && MonthlySupportFen > 0 && Status switch
        {
            SupportStatus.Active => true,
            SupportStatus.Suspended or SupportStatus.Stopped => PaidThroughMonth is { } last && month <= last,
            _ => false,
        };

    public bool ReviewDueOn(DateOnly today) => Status == SupportStatus.Active && NextReviewDue <= today;

    public bool RefusalNoticeOverdueOn(DateOnly today) => Status == SupportStatus.Refused && RefusalNotifiedOn is null && RefusalNotifyBy < today;

    public bool PaperworkOverdueOn(DateOnly today) => Status == SupportStatus.PaperworkPending && PaperworkDue < today;

    internal SupportCase Record(DateTimeOffset at, string action, string by, SupportStatus to, string note = "") => this with
    {
        Status = to,
        History = [.. History, new SupportEvent(at, action, by, note)],
    };
}
