using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain.Rules;

/// <summary>
/// Gradual exit (渐退): a household whose income rises above the standard through a member's employment keeps its
/// benefit, at the amount it had, for the months local rules set (<c>Assistance:Process:GradualExitMonths</c>) after
/// the month the rise is found; then the payments stop, and the case is closed with written reasons.
/// </summary>
public static class GradualExitAfterEmployment
{
    /// <summary>Only a rise of income (assets within the limit) that comes from employment, where local rules give months.</summary>
    public static bool Applies(MeansTest test, Reassessment how) =>
        how.IncomeFromEmployment && !test.IncomeBelowStandard && test.AssetsWithinLimit && how.Rules.GradualExitMonths > 0;

    public static DibaoApplication Start(DibaoApplication application, StaffMember clerk, MeansTest test, string reasons, string action,
        CaseCalendar calendar, DibaoRules rules)
    {
        // Already on its way out: the months already given are not given again.
        var last = application.GradualExitLastMonth ?? BenefitSchedule.MonthOf(calendar.Today).AddMonths(rules.GradualExitMonths);
        var amount = application.BenefitFor(application.ChangeMonth(calendar.Today)) is var paid && paid > 0 ? paid : application.MonthlyBenefitFen;
        var why = $"{reasons.Trim()}; income above the standard through employment: gradual exit, the benefit of {amount} fen continues to {Month(last)}";
        return application.Adjusted(clerk, AdjustmentKind.GradualExit, amount, amount, why, test, calendar)
            .Record(calendar.Now, action, clerk.Id, application.Status, $"gradual exit to {Month(last)}") with
        {
            MeansTest = test,
            GradualExitLastMonth = last,
        };
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
