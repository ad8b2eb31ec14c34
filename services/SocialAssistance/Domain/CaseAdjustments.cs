using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// Changes to an active case (动态管理): the benefit recalculated after a reported change or at a periodic review,
/// suspension and termination with written reasons, resumption. Each is kept as an adjustment and in the history.
/// </summary>
public static class CaseAdjustments
{
    /// <summary>A new means test on the household's current figures; a household no longer eligible must be terminated.</summary>
    public static DibaoApplication Recalculate(this DibaoApplication application, StaffMember clerk, MeansTest test, string reasons, CaseCalendar calendar)
    {
        application.RequireStatus("recalculate the benefit", ApplicationStatus.Active);
        return application.Reassess(clerk, test, reasons, "recalculated", calendar);
    }

    /// <summary>The periodic review (复核): the means test again, and the next review scheduled by the household's category.</summary>
    public static DibaoApplication RecordReview(this DibaoApplication application, StaffMember clerk, MeansTest test, Household household,
        string notes, CaseCalendar calendar)
    {
        application.RequireStatus("record a periodic review", ApplicationStatus.Active, ApplicationStatus.Suspended);
        var category = ReviewCategories.Of(household);
        return application.Reassess(clerk, test, notes, "reviewed", calendar) with
        {
            ReviewCategory = category,
            NextReviewDue = calendar.Today.AddMonths(category.Months()),
        };
    }

    public static DibaoApplication Suspend(this DibaoApplication application, StaffMember clerk, string reasons, CaseCalendar calendar)
    {
        application.RequireStatus("suspend the benefit", ApplicationStatus.Active);
        DibaoTransitions.RequireReasons(reasons);
        return application.Adjusted(clerk, AdjustmentKind.Suspension, application.MonthlyBenefitFen, 0, reasons, null, calendar)
            .Record(calendar.Now, "suspended", clerk.Id, ApplicationStatus.Suspended, reasons);
    }

    public static DibaoApplication Resume(this DibaoApplication application, StaffMember clerk, string reasons, CaseCalendar calendar)
    {
        application.RequireStatus("resume the benefit", ApplicationStatus.Suspended);
        return application.Adjusted(clerk, AdjustmentKind.Resumption, 0, application.MonthlyBenefitFen, reasons, null, calendar)
            .Record(calendar.Now, "resumed", clerk.Id, ApplicationStatus.Active, reasons);
    }

    public const int WorkRefusalsBeforeSuspension = 3;

    /// <summary>
    /// Suitable work refused without good reason: recorded each time; the third refusal suspends the benefit
    /// (a member able to work is expected to take suitable work).
    /// </summary>
    public static DibaoApplication RecordWorkRefusal(this DibaoApplication application, StaffMember clerk, string details, CaseCalendar calendar)
    {
        application.RequireStatus("record a refused job offer", ApplicationStatus.Active);
        DibaoTransitions.RequireReasons(details);
        var count = application.WorkRefusals + 1;
        var recorded = application.Record(calendar.Now, "work-refused", clerk.Id, ApplicationStatus.Active, $"{count}: {details.Trim()}") with
        {
            WorkRefusals = count,
        };
        return count < WorkRefusalsBeforeSuspension
            ? recorded
            : recorded.Suspend(clerk, $"suitable work refused {count} times without good reason (last: {details.Trim()})", calendar);
    }

    /// <summary>Stops the benefit for good (written reasons required); the case closes and the household may apply again.</summary>
    public static DibaoApplication Terminate(this DibaoApplication application, StaffMember clerk, string reasons, CaseCalendar calendar)
    {
        application.RequireStatus("terminate the case", ApplicationStatus.Active, ApplicationStatus.Suspended);
        DibaoTransitions.RequireReasons(reasons);
        var before = application.Status == ApplicationStatus.Active ? application.MonthlyBenefitFen : 0;
        return application.Adjusted(clerk, AdjustmentKind.Termination, before, 0, reasons, null, calendar)
            .Record(calendar.Now, "terminated", clerk.Id, ApplicationStatus.Terminated, reasons) with { MonthlyBenefitFen = 0 };
    }

    private static DibaoApplication Reassess(this DibaoApplication application, StaffMember clerk, MeansTest test, string reasons,
        string action, CaseCalendar calendar)
    {
        if (!test.Eligible)
            throw new RuleViolated("no-longer-eligible",
                $"the household is no longer eligible ({test.IneligibilityReason()}); terminate the case with written reasons");
        var before = application.MonthlyBenefitFen;
        var after = test.MonthlyBenefitFen;
        var kind = after > before ? AdjustmentKind.Increase : after < before ? AdjustmentKind.Decrease : AdjustmentKind.Unchanged;
        return application.Adjusted(clerk, kind, before, after, reasons, test, calendar)
            .Record(calendar.Now, action, clerk.Id, application.Status, $"{before} -> {after} fen") with
        {
            MonthlyBenefitFen = after,
            MeansTest = test,
        };
    }

    private static DibaoApplication Adjusted(this DibaoApplication application, StaffMember clerk, AdjustmentKind kind, long before,
        long after, string reasons, MeansTest? test, CaseCalendar calendar) => application with
    {
        Adjustments = [.. application.Adjustments, new BenefitAdjustment(calendar.Today, kind, before, after, reasons.Trim(), clerk.Id, test)],
    };
}
