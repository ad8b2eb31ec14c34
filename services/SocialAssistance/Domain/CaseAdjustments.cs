using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain.Rules;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// Changes to an active case (动态管理): the benefit recalculated after a reported change or at a periodic review,
/// suspension and termination with written reasons, resumption. Each is kept as an adjustment and in the history.
/// </summary>
public static class CaseAdjustments
{
    /// <summary>A new means test on the household's current figures; a household no longer eligible must be terminated,
    /// unless employment lifted its income (then the gradual exit keeps the benefit for configured months).</summary>
    public static DibaoApplication Recalculate(this DibaoApplication application, StaffMember clerk, MeansTest test, string reasons,
        CaseCalendar calendar, Reassessment? how = null)
    {
        application.RequireStatus("recalculate the benefit", ApplicationStatus.Active);
        return application.Reassess(clerk, test, reasons, "recalculated", calendar, how ?? Reassessment.None);
    }

    /// <summary>The periodic review (复核): the means test again, and the next review scheduled by the household's category.</summary>
    public static DibaoApplication RecordReview(this DibaoApplication application, StaffMember clerk, MeansTest test, Household household,
        string notes, CaseCalendar calendar, Reassessment? how = null)
    {
        application.RequireStatus("record a periodic review", ApplicationStatus.Active, ApplicationStatus.Suspended);
        var category = ReviewCategories.Of(household);
        return application.Reassess(clerk, test, notes, "reviewed", calendar, how ?? Reassessment.None) with
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

    /// <summary>Stops the benefit for good (written reasons required); the case closes and the household may apply again.</summary>
    public static DibaoApplication Terminate(this DibaoApplication application, StaffMember clerk, string reasons, CaseCalendar calendar)
    {
        application.RequireStatus("terminate the case", ApplicationStatus.Active, ApplicationStatus.Suspended);
        DibaoTransitions.RequireReasons(reasons);
        var before = application.Status == ApplicationStatus.Active ? application.MonthlyBenefitFen : 0;
        return application.Adjusted(clerk, AdjustmentKind.Termination, before, 0, reasons, null, calendar)
            .Record(calendar.Now, "terminated", clerk.Id, ApplicationStatus.Terminated, reasons) with { MonthlyBenefitFen = 0 };
    }

    /// <summary>The first month a change decided today applies to: this month, or the first month paid if later.</summary>
    internal static DateOnly ChangeMonth(this DibaoApplication application, DateOnly today)
    {
        var month = BenefitSchedule.MonthOf(today);
        return application.BenefitStartMonth is { } start && start > month ? start : month;
    }

    /// <summary>The schedule from <paramref name="from"/> computed again on <paramref name="test"/>, with the amount it gives then.</summary>
    internal static (IReadOnlyList<MonthlyAmount> Amounts, long After) Rescheduled(this DibaoApplication application, DateOnly from, MeansTest test,
        IReadOnlyList<LocalStandard> standards, int membersCut, DibaoRules rules)
    {
        var amounts = BenefitSchedule.Rebuild(application.Schedule, from, test, standards, membersCut, rules.WorkRefusalShareCutPercent);
        return (amounts, amounts.Last(a => a.FromMonth <= from).AmountFen);
    }

    private static DibaoApplication Reassess(this DibaoApplication application, StaffMember clerk, MeansTest test, string reasons,
        string action, CaseCalendar calendar, Reassessment how)
    {
        var work = how.MemberIdNumbers is { } present ? application.MemberWork.Where(w => present.Contains(w.IdNumber)).ToList() : application.MemberWork;
        if (!test.Eligible)
        {
            if (GradualExitAfterEmployment.Applies(test, how))
                return GradualExitAfterEmployment.Start(application, clerk, test, reasons, action, calendar, how.Rules);
            throw new RuleViolated("no-longer-eligible",
                $"the household is no longer eligible ({test.IneligibilityReason()}); terminate the case with written reasons" +
                (test.AssetsWithinLimit ? ", or say the income comes from employment for the gradual exit" : ""));
        }
        var from = application.ChangeMonth(calendar.Today);
        var before = application.BenefitFor(from) is var paid && paid > 0 ? paid : application.MonthlyBenefitFen;
        var (amounts, after) = application.Rescheduled(from, test, how.Standards, work.Count(w => w.ShareCut), how.Rules);
        var kind = after > before ? AdjustmentKind.Increase : after < before ? AdjustmentKind.Decrease : AdjustmentKind.Unchanged;
        var ended = application.GradualExitLastMonth is not null ? "; eligible again, the gradual exit ends" : "";
        return application.Adjusted(clerk, kind, before, after, reasons + ended, test, calendar)
            .Record(calendar.Now, action, clerk.Id, application.Status, $"{before} -> {after} fen") with
        {
            MonthlyBenefitFen = after,
            MeansTest = test,
            Amounts = amounts,
            MemberWork = work,
            GradualExitLastMonth = null,
        };
    }

    internal static DibaoApplication Adjusted(this DibaoApplication application, StaffMember clerk, AdjustmentKind kind, long before,
        long after, string reasons, MeansTest? test, CaseCalendar calendar, DateOnly? fromMonth = null) => application with
    {
        Adjustments = [.. application.Adjustments, new BenefitAdjustment(calendar.Today, kind, before, after, reasons.Trim(), clerk.Id, test) { FromMonth = fromMonth }],
    };
}
