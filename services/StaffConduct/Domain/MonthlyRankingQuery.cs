namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Gathers a window's month (cases, satisfaction, commitments, inspections, contests) and ranks it.</summary>
public sealed class MonthlyRankingQuery(
    StaffRegistry registry,
    IStaffDirectory directory,
    ICaseLedger cases,
    ISatisfactionSource satisfaction,
    ICommitmentBook commitments,
    IInspectionLog inspections,
    IContestBook contests,
    PerformanceRules rules,
    BureauClock clock)
{
    public async Task<MonthlyRanking> RankAsync(Window window, string? monthText, string? officeId, string? staffId,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        v.Require(window.IsDefined(), "window", "must be one of the ten window types");
        var month = default(Month);
        try
        {
            month = Month.Parse(monthText, "month");
            v.Require(month.First <= clock.Today, "month", "must not be a month still to come");
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) v.Add(violation.Field, violation.Description);
        }
        v.ThrowIfInvalid();

        // A staff member is ranked only in the window they serve.
        StaffMember? only = null;
        if (!string.IsNullOrWhiteSpace(staffId))
        {
            only = await registry.GetAsync(staffId, cancellationToken);
            StaffRegistry.RequireServes(only, window);
        }

        var staff = await directory.ListByWindowAsync(window, string.IsNullOrWhiteSpace(officeId) ? null : officeId.Trim(), cancellationToken);
        var ids = staff.Select(s => s.Id).ToList();
        var today = clock.Today;
        var caseTotals = await cases.TotalsAsync(ids, month, cancellationToken);
        var due = (await commitments.ListByStaffAsync(ids, month.First, month.Last, cancellationToken)).ToLookup(c => c.StaffId);
        var observed = (await inspections.ListAsync(ids, month.First, month.Last, cancellationToken)).ToLookup(i => i.StaffId);
        var held = await contests.ListHeldBetweenAsync(month.First, month.Last, cancellationToken);

        var inputs = new List<MonthInputs>();
        foreach (var member in staff)
        {
            var answer = await satisfaction.GetAsync(member.Id, month.First, month.Last, cancellationToken);
            var percents = held.Select(c => c.PercentOf(member.Id)).OfType<double>().ToList();
            inputs.Add(new MonthInputs(member, caseTotals.GetValueOrDefault(member.Id), answer, due[member.Id].ToList(),
                observed[member.Id].ToList(), percents));
        }

        var ranking = PerformanceScoring.Rank(rules, window, month, today, inputs);
        return only is null ? ranking : ranking with { Lines = ranking.Lines.Where(l => l.Staff.Id == only.Id).ToList() };
    }
}
