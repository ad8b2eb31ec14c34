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
        string? staffId, IReadOnlyList<IncomeItem>? incomes = null, long financialAssetsFen = 0)
    {
        if (careMode is not (CareMode.Institutional or CareMode.Home))
            throw new ValidationFailed("care_mode", "must be INSTITUTIONAL or HOME");
        CheckMeans(incomes, financialAssetsFen);
        var household = await registry.GetAsync(householdId);
        if (memberIndex < 0 || memberIndex >= household.Members.Count)
            throw new ValidationFailed("member_index", $"must name a member of the household (0 to {household.Members.Count - 1})");
        var clerk = await staff.RequireAsync(staffId);
        var today = calendar.Today;
        var member = household.Members[memberIndex];
        var standard = await standards.ForAsync(household.CountyCode, today);
        var check = ExtremePovertyCheck.Assess(member, hasAbleSupporter, today, rules, standard, incomes, financialAssetsFen);
        if (!check.Eligible)
            throw new RuleViolated("not-extreme-poverty", $"members[{memberIndex}] does not meet the criteria: {string.Join("; ", check.Unmet())}");
        var supportCase = new SupportCase
        {
            Id = Ids.New("sup"), HouseholdId = household.Id, Programme = Programme.ExtremePoverty, Status = SupportStatus.Active,
            OpenedAt = calendar.Now, OpenedBy = clerk.Id, MemberIndex = memberIndex, PersonName = member.Name, PersonIdNumber = member.IdNumber.Value,
            CareMode = careMode, Eligibility = check,
            MonthlySupportFen = SupportOf(standard),
            SupportStartMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1),
            NextReviewDue = today.AddMonths(rules.ReviewMonths),
        }.Record(calendar.Now, "approved", clerk.Id, SupportStatus.Active, careMode.ToString());
        return await Stored(await cases.AddAsync(supportCase, null,
            events.ServiceCompleted(CompletedService.ExtremePovertyApproved, supportCase.Id, clerk.Id, today)), supportCase);
    }

    /// <summary>
    /// The yearly review of extreme-poverty support: the criteria again on today's facts and standard. Still met: the
    /// support continues at today's standard and the next review is set; no longer met: suspend or stop it with reasons.
    /// </summary>
    public async Task<SupportCase> ReviewExtremePovertyAsync(string? caseId, string? staffId, string? notes, bool hasAbleSupporter,
        IReadOnlyList<IncomeItem>? incomes = null, long financialAssetsFen = 0)
    {
        if (string.IsNullOrWhiteSpace(notes)) throw new ValidationFailed("notes", "are required: what the review found");
        CheckMeans(incomes, financialAssetsFen);
        var current = await GetAsync(caseId);
        RequireExtremePoverty(current, "review the support", SupportStatus.Active, SupportStatus.Suspended);
        var clerk = await staff.RequireAsync(staffId);
        var household = await registry.GetAsync(current.HouseholdId);
        var member = household.Members.FirstOrDefault(m => m.IdNumber.Value == current.PersonIdNumber)
            ?? throw new RuleViolated("person-left-household", "the person supported is no longer a member of the household; stop the support with written reasons");
        var today = calendar.Today;
        var standard = await standards.ForAsync(household.CountyCode, today);
        var check = ExtremePovertyCheck.Assess(member, hasAbleSupporter, today, rules, standard, incomes, financialAssetsFen);
        if (!check.Eligible)
            throw new RuleViolated("no-longer-extreme-poverty",
                $"the person no longer meets the criteria ({string.Join("; ", check.Unmet())}); suspend or stop the support with written reasons");
        var support = SupportOf(standard);
        var reviewed = current.Record(calendar.Now, "reviewed", clerk.Id, current.Status, $"{notes.Trim()} ({current.MonthlySupportFen} -> {support} fen)") with
        {
            Eligibility = check, MonthlySupportFen = support, LastReviewedOn = today, NextReviewDue = today.AddMonths(rules.ReviewMonths),
            Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(reviewed, current.Version, null, []), reviewed);
    }

    /// <summary>Suspends (<paramref name="stop"/> false) or stops extreme-poverty support with its ground and written
    /// reasons; it is paid to the month of the decision and no longer from the next month.</summary>
    public async Task<SupportCase> EndExtremePovertyAsync(string? caseId, string? staffId, SupportEndGround ground, string? reasons,
        string? occurredOn, bool stop)
    {
        var validator = new Validator();
        validator.Require(Enum.IsDefined(ground) && ground != SupportEndGround.Unspecified, "ground",
            "must be DEATH, RECOVERED_CAPACITY, INCOME, MOVED_AWAY or OTHER");
        validator.ThrowIfInvalid();
        DibaoTransitions.RequireReasons(reasons ?? "");
        var occurred = Dates.ParseDate(occurredOn, "occurred_on");
        var today = calendar.Today;
        if (occurred > today) throw new ValidationFailed("occurred_on", "must not be in the future");
        var current = await GetAsync(caseId);
        if (stop) RequireExtremePoverty(current, "stop the support", SupportStatus.Active, SupportStatus.Suspended);
        else RequireExtremePoverty(current, "suspend the support", SupportStatus.Active);
        var clerk = await staff.RequireAsync(staffId);
        var month = new DateOnly(today.Year, today.Month, 1);
        var text = reasons!.Trim();
        var ended = current.Record(calendar.Now, stop ? "stopped" : "suspended", clerk.Id, stop ? SupportStatus.Stopped : SupportStatus.Suspended,
            $"{ground.Code()} on {Dates.Format(occurred)}: {text}; paid to {PaymentRuns.Format(month)}") with
        {
            EndGround = ground, EndReasons = text, EndedOn = today, GroundOccurredOn = occurred,
            // A month of a suspension already recorded stays the last one paid.
            PaidThroughMonth = current.PaidThroughMonth ?? month,
            Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(ended, current.Version, null, []), ended);
    }

    public async Task<SupportCase> ResumeExtremePovertyAsync(string? caseId, string? staffId, string? reasons)
    {
        DibaoTransitions.RequireReasons(reasons ?? "");
        var current = await GetAsync(caseId);
        RequireExtremePoverty(current, "resume the support", SupportStatus.Suspended);
        var clerk = await staff.RequireAsync(staffId);
        var resumed = current.Record(calendar.Now, "resumed", clerk.Id, SupportStatus.Active, reasons!.Trim()) with
        {
            PaidThroughMonth = null, EndGround = SupportEndGround.Unspecified, EndReasons = "", EndedOn = null, GroundOccurredOn = null,
            Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(resumed, current.Version, null, []), resumed);
    }

    /// <summary>Active extreme-poverty cases whose yearly review is due, the longest due first.</summary>
    public async Task<IReadOnlyList<SupportCase>> DueSupportReviewsAsync() =>
        (await cases.ListByStatusAsync([SupportStatus.Active])).Where(c => c.ReviewDueOn(calendar.Today)).OrderBy(c => c.NextReviewDue).ToList();

    /// <summary>Temporary assistance on the normal route refused with written reasons, to be notified in writing within working days.</summary>
    public async Task<SupportCase> RefuseTemporaryAsync(string? caseId, string? staffId, string? reasons)
    {
        DibaoTransitions.RequireReasons(reasons ?? "");
        var current = await GetAsync(caseId);
        RequireTemporary(current, "refuse temporary assistance", SupportStatus.Submitted, SupportStatus.Posted);
        var clerk = await staff.RequireAsync(staffId);
        var today = calendar.Today;
        var refused = current.Record(calendar.Now, "refused", clerk.Id, SupportStatus.Refused, reasons!.Trim()) with
        {
            RefusalReasons = reasons.Trim(), RefusedBy = clerk.Id, RefusedOn = today,
            RefusalNotifyBy = calendar.WorkingDays.AddWorkingDays(today, rules.RefusalNoticeWorkingDays),
            Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(refused, current.Version, null, []), refused);
    }

    public async Task<SupportCase> RecordRefusalNoticeAsync(string? caseId, string? staffId)
    {
        var current = await GetAsync(caseId);
        RequireTemporary(current, "record the written refusal notice", SupportStatus.Refused);
        if (current.RefusalNotifiedOn is { } on) throw new RuleViolated("already-notified", $"the refusal was notified on {Dates.Format(on)}");
        var clerk = await staff.RequireAsync(staffId);
        var notified = current.Record(calendar.Now, "refusal-notified", clerk.Id, SupportStatus.Refused) with
        {
            RefusalNotifiedOn = calendar.Today, Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(notified, current.Version, null, []), notified);
    }

    /// <summary>Anyone may object while temporary assistance is posted; lodged by the public, no staff member involved.</summary>
    public async Task<SupportCase> LodgeObjectionAsync(string? caseId, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) throw new ValidationFailed("text", "is required");
        if (trimmed.Length > 2000) throw new ValidationFailed("text", "must be at most 2000 characters");
        var current = await GetAsync(caseId);
        RequireTemporary(current, "lodge an objection", SupportStatus.Posted);
        var today = calendar.Today;
        if (!(current.PostingStartsOn <= today && today <= current.PostingEndsOn))
            throw new RuleViolated("posting-closed",
                $"objections are taken during the posting, {Dates.Format(current.PostingStartsOn!.Value)} to {Dates.Format(current.PostingEndsOn!.Value)}");
        var objection = new Objection { Id = Ids.New("obj"), LodgedOn = today, Text = trimmed };
        var lodged = current.Record(calendar.Now, "objection-lodged", "public", SupportStatus.Posted, objection.Id) with
        {
            Objections = [.. current.Objections, objection], Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(lodged, current.Version, null, []), lodged);
    }

    public async Task<SupportCase> ResolveObjectionAsync(string? caseId, string? objectionId, string? staffId, string? resolution, bool upheld)
    {
        if (string.IsNullOrWhiteSpace(objectionId)) throw new ValidationFailed("objection_id", "is required");
        DibaoTransitions.RequireReasons(resolution ?? "", "resolution");
        var current = await GetAsync(caseId);
        RequireTemporary(current, "resolve an objection", SupportStatus.Posted);
        var objection = current.Objections.FirstOrDefault(o => o.Id == objectionId.Trim()) ?? throw new NotFound("objection", objectionId.Trim());
        if (objection.Resolved)
            throw new RuleViolated("objection-already-resolved", $"objection {objection.Id} was resolved on {Dates.Format(objection.ResolvedOn!.Value)}");
        var clerk = await staff.RequireAsync(staffId);
        var resolved = objection with { Resolution = resolution!.Trim(), ResolvedBy = clerk.Id, ResolvedOn = calendar.Today, Upheld = upheld };
        var next = current.Record(calendar.Now, upheld ? "objection-upheld" : "objection-dismissed", clerk.Id, SupportStatus.Posted, objection.Id) with
        {
            Objections = current.Objections.Select(o => o.Id == objection.Id ? resolved : o).ToList(), Version = current.Version + 1,
        };
        return await Stored(await cases.UpdateAsync(next, current.Version, null, []), next);
    }

    private long SupportOf(LocalStandard standard) => (standard.MonthlyStandardFen * rules.ExtremePovertyPercentOfStandard + 99) / 100;

    private static void CheckMeans(IReadOnlyList<IncomeItem>? incomes, long financialAssetsFen)
    {
        var validator = new Validator();
        var items = incomes ?? [];
        validator.Require(items.Count <= 20, "incomes", "must list at most 20 kinds of income");
        for (var i = 0; i < items.Count; i++)
        {
            validator.Require(Enum.IsDefined(items[i].Kind) && items[i].Kind != IncomeKind.Unspecified, $"incomes[{i}].kind", "must be a known kind of income");
            Money.Check(validator, items[i].MonthlyFen, $"incomes[{i}].monthly_fen");
        }
        Money.Check(validator, financialAssetsFen, "financial_assets_fen");
        validator.ThrowIfInvalid();
    }

    private static void RequireExtremePoverty(SupportCase supportCase, string action, params SupportStatus[] allowed)
    {
        if (supportCase.Programme != Programme.ExtremePoverty)
            throw new RuleViolated("not-extreme-poverty-case", $"cannot {action}: the case is {supportCase.Programme.Code()}");
        RequireStatus(supportCase, action, allowed);
    }

    private static void RequireTemporary(SupportCase supportCase, string action, params SupportStatus[] allowed)
    {
        if (supportCase.Programme != Programme.Temporary || supportCase.Emergency)
            throw new RuleViolated("not-normal-route", $"cannot {action}: the case is not temporary assistance on the normal route");
        RequireStatus(supportCase, action, allowed);
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
        if (current.Objections.FirstOrDefault(o => !o.Resolved) is { } open)
            throw new RuleViolated("objection-unresolved", $"objection {open.Id} must be resolved before approval");
        if (current.Objections.Any(o => o.Upheld))
            throw new RuleViolated("objection-upheld", "an objection was upheld: refuse the application with written reasons");
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
        Money.Check(validator, amountFen, "amount_fen", positive: true);
        validator.Require(text.Length > 0, "reason", "is required: the hardship to relieve");
        validator.ThrowIfInvalid();
        var household = await registry.GetAsync(householdId);
        var standard = await standards.ForAsync(household.CountyCode, calendar.Today);
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

    private static void RequireStatus(SupportCase supportCase, string action, params SupportStatus[] allowed)
    {
        if (!allowed.Contains(supportCase.Status))
            throw new RuleViolated("illegal-transition", $"cannot {action}: the case is {supportCase.Status.Code()}");
    }
}
