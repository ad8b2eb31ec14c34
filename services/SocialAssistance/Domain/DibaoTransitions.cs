using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The dibao process as a state machine: submitted -> accepted -> investigating -> community review -> posted ->
/// active, or refused / withdrawn on the way. Each step checks the state it starts from, who makes it and what must
/// already be on the case; a refusal names the current state. Pure: the caller loads, checks staff, and saves.
/// </summary>
public static class DibaoTransitions
{
    private static readonly ApplicationStatus[] BeforeDecision =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.Investigating,
        ApplicationStatus.CommunityReview, ApplicationStatus.Posted,
    ];

    public static DibaoApplication Accept(this DibaoApplication application, StaffMember clerk, CaseCalendar calendar, DibaoRules rules)
    {
        application.RequireStatus("accept the application", ApplicationStatus.Submitted);
        var today = calendar.Today;
        return application.Record(calendar.Now, "accepted", clerk.Id, ApplicationStatus.Accepted) with
        {
            AcceptedOn = today,
            OverallDue = calendar.WorkingDays.AddWorkingDays(today, rules.OverallWorkingDays),
        };
    }

    public static DibaoApplication AssignCaseworker(this DibaoApplication application, StaffMember caseworker, CaseCalendar calendar)
    {
        application.RequireStatus("assign a caseworker", ApplicationStatus.Accepted);
        return application.Record(calendar.Now, "caseworker-assigned", caseworker.Id, ApplicationStatus.Investigating) with
        {
            CaseworkerId = caseworker.Id,
        };
    }

    /// <summary>The home visit and the income check; the means test is computed here with every figure kept.</summary>
    public static DibaoApplication RecordInvestigation(this DibaoApplication application, string staffId, HomeVisit visit,
        MeansTest meansTest, CaseCalendar calendar)
    {
        application.RequireStatus("record the investigation", ApplicationStatus.Investigating);
        RequireCaseworker(application, staffId, "record the investigation");
        if (visit.VisitedOn > calendar.Today) throw new ValidationFailed("visited_on", "must not be in the future");
        if (application.AcceptedOn is { } accepted && visit.VisitedOn < accepted)
            throw new ValidationFailed("visited_on", "must not be before the application was accepted");
        var note = meansTest.Eligible
            ? $"eligible, monthly benefit {meansTest.MonthlyBenefitFen} fen"
            : $"not eligible: {meansTest.IneligibilityReason()}";
        return application.Record(calendar.Now, "investigated", staffId, ApplicationStatus.CommunityReview, note) with
        {
            HomeVisit = visit,
            MeansTest = meansTest,
        };
    }

    /// <summary>Records the community review; a passed review of an eligible household starts the public posting.</summary>
    public static DibaoApplication RecordCommunityReview(this DibaoApplication application, CommunityReview review,
        CaseCalendar calendar, DibaoRules rules)
    {
        application.RequireStatus("record the community review", ApplicationStatus.CommunityReview);
        RequireCaseworker(application, review.RecordedBy, "record the community review");
        if (review.HeldOn > calendar.Today) throw new ValidationFailed("held_on", "must not be in the future");
        if (application.MeansTest is not { Eligible: true } test)
            throw new RuleViolated("not-eligible",
                $"the means test found the household not eligible ({application.MeansTest?.IneligibilityReason()}); refuse it with written reasons");
        var recorded = application with { CommunityReview = review };
        if (!review.Passed)
            return recorded.Record(calendar.Now, "community-review-failed", review.RecordedBy, ApplicationStatus.CommunityReview,
                $"{review.VotesFor} of {review.Attendees} voted for");
        var starts = calendar.Today;
        var ends = starts.AddDays(rules.PostingDays - 1);
        return recorded.Record(calendar.Now, "posted", review.RecordedBy, ApplicationStatus.Posted,
            $"monthly benefit {test.MonthlyBenefitFen} fen posted {Dates.Format(starts)} to {Dates.Format(ends)}") with
        {
            Posting = new PublicPosting(starts, ends, []),
            ConfirmBy = calendar.WorkingDays.AddWorkingDays(ends, rules.ConfirmWithinWorkingDays),
        };
    }

    public static DibaoApplication LodgeObjection(this DibaoApplication application, string text, CaseCalendar calendar)
    {
        application.RequireStatus("lodge an objection", ApplicationStatus.Posted);
        var posting = application.Posting!;
        var today = calendar.Today;
        if (!posting.IsOpenOn(today))
            throw new RuleViolated("posting-closed",
                $"objections are taken during the posting, {Dates.Format(posting.StartsOn)} to {Dates.Format(posting.EndsOn)}");
        var objection = new Objection { Id = Ids.New("obj"), LodgedOn = today, Text = text };
        return application.Record(calendar.Now, "objection-lodged", "public", ApplicationStatus.Posted, objection.Id) with
        {
            Posting = posting with { Objections = [.. posting.Objections, objection] },
        };
    }

    public static DibaoApplication ResolveObjection(this DibaoApplication application, string objectionId, StaffMember clerk,
        string resolution, bool upheld, CaseCalendar calendar)
    {
        application.RequireStatus("resolve an objection", ApplicationStatus.Posted);
        var posting = application.Posting!;
        var objection = posting.Objections.FirstOrDefault(o => o.Id == objectionId)
            ?? throw new NotFound("objection", objectionId);
        if (objection.Resolved)
            throw new RuleViolated("objection-already-resolved", $"objection {objectionId} was resolved on {Dates.Format(objection.ResolvedOn!.Value)}");
        var resolved = objection with { Resolution = resolution, ResolvedBy = clerk.Id, ResolvedOn = calendar.Today, Upheld = upheld };
        return application.Record(calendar.Now, upheld ? "objection-upheld" : "objection-dismissed", clerk.Id, ApplicationStatus.Posted, objectionId) with
        {
            Posting = posting with { Objections = posting.Objections.Select(o => o.Id == objectionId ? resolved : o).ToList() },
        };
    }

    /// <summary>
    /// Confirmation (审核确认) after the posting, by someone other than the caseworker, due within the working days the
    /// rules allow after the posting ends (or the extended overall limit); when later, it is still made, and recorded
    /// as late. The benefit is paid from the next month.
    /// </summary>
    public static DibaoApplication Confirm(this DibaoApplication application, StaffMember approver, Household household, CaseCalendar calendar,
        IReadOnlyList<LocalStandard>? countyStandards = null, DibaoRules? rules = null)
    {
        application.RequireStatus("confirm the application", ApplicationStatus.Posted);
        if (approver.Id == application.CaseworkerId)
            throw new RuleViolated("four-eyes", "the caseworker who investigated the case cannot also confirm it");
        var today = calendar.Today;
        var posting = application.Posting!;
        if (today <= posting.EndsOn)
            throw new RuleViolated("posting-not-ended", $"the public posting runs until {Dates.Format(posting.EndsOn)}; confirm after it ends");
        if (posting.Objections.FirstOrDefault(o => !o.Resolved) is { } open)
            throw new RuleViolated("objection-unresolved", $"objection {open.Id} must be resolved before confirmation");
        if (posting.Objections.Any(o => o.Upheld))
            throw new RuleViolated("objection-upheld", "an objection was upheld: refuse the application with written reasons");
        // A late decision is the office's fault, never the household's: it is confirmed all the same, and the lateness
        // stays on the record (the overdue list showed it until now).
        var late = application.CurrentDeadline is { } due && today > due
            ? $"confirmed {calendar.WorkingDays.WorkingDaysBetween(due, today)} working day(s) after it was due on {Dates.Format(due)}"
            : "";
        var category = ReviewCategories.Of(household);
        var start = BenefitSchedule.MonthOf(today).AddMonths(1);
        // Paid under the standard in force in each month, not the one of the investigation day.
        var amounts = BenefitSchedule.Rebuild([], start, application.MeansTest!, countyStandards ?? [], 0,
            (rules ?? new DibaoRules()).WorkRefusalShareCutPercent);
        return application.Record(calendar.Now, "confirmed", approver.Id, ApplicationStatus.Active, late) with
        {
            ConfirmedOn = today,
            ConfirmedBy = approver.Id,
            MonthlyBenefitFen = amounts[0].AmountFen,
            Amounts = amounts,
            BenefitStartMonth = start,
            ReviewCategory = category,
            NextReviewDue = today.AddMonths(category.Months()),
        };
    }

    public static DibaoApplication Refuse(this DibaoApplication application, StaffMember clerk, string reasons, CaseCalendar calendar, DibaoRules rules)
    {
        application.RequireStatus("refuse the application", BeforeDecision);
        RequireReasons(reasons);
        var today = calendar.Today;
        return application.Record(calendar.Now, "refused", clerk.Id, ApplicationStatus.Refused, reasons) with
        {
            Refusal = new Refusal(today, reasons, clerk.Id, calendar.WorkingDays.AddWorkingDays(today, rules.RefusalNoticeWorkingDays)),
        };
    }

    public static DibaoApplication RecordRefusalNotified(this DibaoApplication application, StaffMember clerk, CaseCalendar calendar)
    {
        application.RequireStatus("record the written refusal notice", ApplicationStatus.Refused);
        if (application.Refusal!.NotifiedOn is { } on)
            throw new RuleViolated("already-notified", $"the refusal was notified on {Dates.Format(on)}");
        return application.Record(calendar.Now, "refusal-notified", clerk.Id, ApplicationStatus.Refused) with
        {
            Refusal = application.Refusal with { NotifiedOn = calendar.Today },
        };
    }

    public static DibaoApplication Withdraw(this DibaoApplication application, string reason, CaseCalendar calendar)
    {
        application.RequireStatus("withdraw the application", BeforeDecision);
        return application.Record(calendar.Now, "withdrawn", "household", ApplicationStatus.Withdrawn, reason);
    }

    /// <summary>Extends the overall time limit once, with a reason (e.g. 25 to 40 working days from acceptance).</summary>
    public static DibaoApplication ExtendTimeLimit(this DibaoApplication application, StaffMember clerk, string reason,
        CaseCalendar calendar, DibaoRules rules)
    {
        application.RequireStatus("extend the time limit", ApplicationStatus.Accepted, ApplicationStatus.Investigating,
            ApplicationStatus.CommunityReview, ApplicationStatus.Posted);
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailed("reason", "is required to extend the time limit");
        if (application.IsExtended) throw new RuleViolated("already-extended", "the time limit was already extended once");
        return application.Record(calendar.Now, "time-limit-extended", clerk.Id, application.Status, reason) with
        {
            ExtensionReason = reason.Trim(),
            OverallDue = calendar.WorkingDays.AddWorkingDays(application.AcceptedOn!.Value, rules.ExtendedWorkingDays),
        };
    }

    internal static void RequireReasons(string reasons, string field = "reasons")
    {
        if (string.IsNullOrWhiteSpace(reasons) || reasons.Trim().Length < 4)
            throw new ValidationFailed(field, "written reasons are required");
    }

    private static void RequireCaseworker(DibaoApplication application, string staffId, string action)
    {
        if (staffId != application.CaseworkerId)
            throw new RuleViolated("not-the-caseworker", $"only the caseworker assigned to the case may {action}");
    }
}
