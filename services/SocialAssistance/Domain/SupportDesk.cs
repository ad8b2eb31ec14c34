using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// Extreme-poverty support (特困供养) and temporary assistance (临时救助): the normal route (applied, publicly
/// posted, then reviewed and paid by another staff member after the posting) and the emergency fast track (急难型: paid at once, paperwork completed after,
/// within working days, and listed until done). A household gets one temporary payment a month.
/// </summary>
public sealed class SupportDesk(
    ISupportCaseStore cases,
    HouseholdRegistry registry,
    AssistanceStaff staff,
    LocalStandards standards,
    SupportRules rules,
    CaseCalendar calendar,
    IPlatformEvents events)
{
    public async Task<SupportCase> ApplyExtremePovertyAsync(string? householdId, int memberIndex, CareMode careMode, bool hasAbleSupporter,
        string? staffId)
    {
        if (careMode is not (CareMode.Institutional or CareMode.Home))
            throw new ValidationFailed("care_mode", "must be INSTITUTIONAL or HOME");
        var household = await registry.GetAsync(householdId);
        if (memberIndex < 0 || memberIndex >= household.Members.Count)
            throw new ValidationFailed("member_index", $"must name a member of the household (0 to {household.Members.Count - 1})");
        var clerk = await staff.RequireAsync(staffId);
        var today = calendar.Today;
        var member = household.Members[memberIndex];
        var check = ExtremePovertyCheck.Assess(member, hasAbleSupporter, today, rules);
        if (!check.Eligible)
            throw new RuleViolated("not-extreme-poverty", $"members[{memberIndex}] does not meet the criteria: {string.Join("; ", check.Unmet())}");
        var standard = standards.For(household.CountyCode, today);
        var supportCase = new SupportCase
        {
            Id = Ids.New("sup"), HouseholdId = household.Id, Programme = Programme.ExtremePoverty, Status = SupportStatus.Active,
            OpenedAt = calendar.Now, OpenedBy = clerk.Id, MemberIndex = memberIndex, PersonName = member.Name, PersonIdNumber = member.IdNumber.Value,
            CareMode = careMode, Eligibility = check,
            MonthlySupportFen = (standard.MonthlyStandardFen * rules.ExtremePovertyPercentOfStandard + 99) / 100,
            SupportStartMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1),
        }.Record(calendar.Now, "approved", clerk.Id, SupportStatus.Active, careMode.ToString());
        return await Stored(await cases.AddAsync(supportCase, null,
            events.ServiceCompleted(CompletedService.ExtremePovertyApproved, supportCase.Id, clerk.Id, today)), supportCase);
    }

    public async Task<SupportCase> ApplyTemporaryAsync(string? householdId, long amountFen, string? reason, string? staffId)
    {
        var (household, clerk, text) = await TemporaryRequestAsync(householdId, amountFen, reason, staffId);
        var supportCase = NewTemporary(household, clerk, amountFen, text, emergency: false)
            .Record(calendar.Now, "applied", clerk.Id, SupportStatus.Submitted, text);
        return await Stored(await cases.AddAsync(supportCase, null, []), supportCase);
    }

    /// <summary>The public posting of a normal-route application, from today for the configured days.</summary>
    public async Task<SupportCase> PostTemporaryAsync(string? caseId, string? staffId)
    {
        var current = await GetAsync(caseId);
        RequireStatus(current, "post temporary assistance", SupportStatus.Submitted);
        var clerk = await staff.RequireAsync(staffId);
        var today = calendar.Today;
        var posted = current.Record(calendar.Now, "posted", clerk.Id, SupportStatus.Posted) with
        {
            PostingStartsOn = today, PostingEndsOn = today.AddDays(rules.PostingDays - 1), Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(posted, current.Version, null, []), posted);
    }

    /// <summary>The review of a posted application, after its posting, by a second staff member, who pays it.</summary>
    public async Task<SupportCase> ApproveTemporaryAsync(string? caseId, string? staffId)
    {
        var current = await GetAsync(caseId);
        RequireStatus(current, "approve temporary assistance", SupportStatus.Posted);
        if (calendar.Today <= current.PostingEndsOn)
            throw new RuleViolated("posting-not-ended", $"the public posting runs until {Dates.Format(current.PostingEndsOn!.Value)}; approve after it ends");
        var approver = await staff.RequireAsync(staffId);
        if (approver.Id == current.OpenedBy)
            throw new RuleViolated("four-eyes", "the staff member who took the application cannot also approve it");
        var paid = current.Record(calendar.Now, "approved-and-paid", approver.Id, SupportStatus.Paid) with
        {
            ApprovedBy = approver.Id, PaidOn = calendar.Today, Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(paid, current.Version, PaymentOf(paid),
            events.ServiceCompleted(CompletedService.TemporaryPaid, paid.Id, approver.Id, calendar.Today)), paid);
    }

    /// <summary>The emergency fast track: paid now, the paperwork due within the configured working days.</summary>
    public async Task<SupportCase> GrantEmergencyAsync(string? householdId, long amountFen, string? reason, string? staffId)
    {
        var (household, clerk, text) = await TemporaryRequestAsync(householdId, amountFen, reason, staffId);
        var supportCase = NewTemporary(household, clerk, amountFen, text, emergency: true)
            .Record(calendar.Now, "emergency-paid", clerk.Id, SupportStatus.PaperworkPending, text) with
        {
            PaidOn = calendar.Today,
            PaperworkDue = calendar.WorkingDays.AddWorkingDays(calendar.Today, rules.PaperworkWorkingDays),
        };
        return await Stored(await cases.AddAsync(supportCase, PaymentOf(supportCase),
            events.ServiceCompleted(CompletedService.EmergencyPaid, supportCase.Id, clerk.Id, calendar.Today)), supportCase);
    }

    public async Task<SupportCase> CompletePaperworkAsync(string? caseId, string? staffId, string? notes)
    {
        if (string.IsNullOrWhiteSpace(notes)) throw new ValidationFailed("notes", "are required: the documents completed");
        var current = await GetAsync(caseId);
        RequireStatus(current, "complete the paperwork", SupportStatus.PaperworkPending);
        var clerk = await staff.RequireAsync(staffId);
        var completed = current.Record(calendar.Now, "paperwork-completed", clerk.Id, SupportStatus.Completed, notes.Trim()) with
        {
            PaperworkCompletedOn = calendar.Today, PaperworkNotes = notes.Trim(), Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(completed, current.Version, null, []), completed);
    }

    /// <summary>Emergency cases whose paperwork is not yet done, the earliest due first.</summary>
    public async Task<IReadOnlyList<SupportCase>> PendingPaperworkAsync() =>
        (await cases.ListByStatusAsync([SupportStatus.PaperworkPending])).OrderBy(c => c.PaperworkDue).ToList();

    public async Task<SupportCase> GetAsync(string? caseId)
    {
        if (string.IsNullOrWhiteSpace(caseId)) throw new ValidationFailed("case_id", "is required");
        return await cases.GetAsync(caseId.Trim()) ?? throw new NotFound("support-case", caseId.Trim());
    }

    private async Task<(Household, StaffMember, string)> TemporaryRequestAsync(string? householdId, long amountFen, string? reason, string? staffId)
    {
        var text = reason?.Trim() ?? "";
        var validator = new Validator();
        validator.Require(amountFen > 0, "amount_fen", "must be more than zero");
        validator.Require(text.Length > 0, "reason", "is required: the hardship to relieve");
        validator.ThrowIfInvalid();
        var household = await registry.GetAsync(householdId);
        var standard = standards.For(household.CountyCode, calendar.Today);
        var limit = standard.MonthlyStandardFen * rules.TemporaryMaxMonthsOfStandard * household.Members.Count;
        if (amountFen > limit)
            throw new RuleViolated("amount-over-limit", $"temporary assistance is at most {limit} fen for this household ({rules.TemporaryMaxMonthsOfStandard} months of the standard per member)");
        return (household, await staff.RequireAsync(staffId), text);
    }

    private SupportCase NewTemporary(Household household, StaffMember clerk, long amountFen, string reason, bool emergency) => new()
    {
        Id = Ids.New("sup"), HouseholdId = household.Id, Programme = Programme.Temporary, Status = SupportStatus.Submitted,
        OpenedAt = calendar.Now, OpenedBy = clerk.Id, AmountFen = amountFen, Reason = reason, Emergency = emergency,
    };

    private Payment PaymentOf(SupportCase supportCase) => new()
    {
        Id = Ids.New("pay"), HouseholdId = supportCase.HouseholdId, CaseId = supportCase.Id, Programme = Programme.Temporary,
        Month = new DateOnly(calendar.Today.Year, calendar.Today.Month, 1), AmountFen = supportCase.AmountFen, PaidAt = calendar.Now,
        Source = supportCase.Id,
    };

    private static Task<SupportCase> Stored(SupportWrite write, SupportCase supportCase) => write switch
    {
        SupportWrite.Done => Task.FromResult(supportCase),
        SupportWrite.AlreadyPaid => throw new RuleViolated("already-paid-this-month",
            "the household already received temporary assistance this month; a household is paid at most once a month per programme"),
        SupportWrite.AlreadyOpen => throw new AlreadyExists("extreme-poverty-case", "the person already receives extreme-poverty support"),
        _ => throw new RuleViolated("concurrent-change", "the case was changed by someone else meanwhile; read it again and retry"),
    };

    private static void RequireStatus(SupportCase supportCase, string action, SupportStatus allowed)
    {
        if (supportCase.Status != allowed)
            throw new RuleViolated("illegal-transition", $"cannot {action}: the case is {supportCase.Status.Code()}");
    }
}
