namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// A window's month: as published once the month is closed (the latest version, or the version asked for), otherwise
/// gathered (cases, satisfaction, commitments, inspections, contests, appraisal meetings) and ranked as of now.
/// </summary>
public sealed class MonthlyRankingQuery(
    StaffRegistry registry,
    IStaffDirectory directory,
    ICaseLedger cases,
    ISatisfactionSource satisfaction,
    IAppraisalSource appraisals,
    ICommitmentBook commitments,
    IInspectionLog inspections,
    IContestBook contests,
    IPublishedRankings published,
    PerformanceRules rules,
    BureauClock clock)
{
    public async Task<MonthlyRanking> RankAsync(Window window, string? monthText, string? officeId, string? staffId,
        CancellationToken cancellationToken = default) =>
        await RankAsync(window, monthText, officeId, staffId, version: 0, cancellationToken);

    /// <summary><paramref name="version"/> 0 = the latest published version, or the live ranking of an open month.</summary>
    public async Task<MonthlyRanking> RankAsync(Window window, string? monthText, string? officeId, string? staffId, int version,
        CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var month = ParseMonth(window, monthText, v);
        v.Require(version >= 0, "version", "must be 0 (the latest) or a published version number");
        v.ThrowIfInvalid();

        // A staff member is ranked only in the window they serve.
        StaffMember? only = null;
        if (!string.IsNullOrWhiteSpace(staffId))
        {
            only = await registry.GetAsync(staffId, cancellationToken);
            StaffRegistry.RequireServes(only, window);
        }
        var office = string.IsNullOrWhiteSpace(officeId) ? null : officeId.Trim();

        var latest = await published.LatestAsync(window, month, cancellationToken);
        if (latest is not null)
        {
            var read = version == 0 || version == latest.Version ? latest
                : await published.VersionAsync(window, month, version, cancellationToken) ?? throw new NotFound("ranking version", $"{month} v{version}");
            var frozen = read.AsRead(latest.Version);
            // As published: the ranks are those of the whole window.
            return frozen with
            {
                Lines = frozen.Lines.Where(l => (office is null || l.Staff.Profile.OfficeId == office) && (only is null || l.Staff.Id == only.Id)).ToList(),
            };
        }
        if (version != 0) throw new NotFound("ranking version", $"{month} v{version}");

        var ranking = await ComputeAsync(window, month, office, cancellationToken);
        return only is null ? ranking : ranking with { Lines = ranking.Lines.Where(l => l.Staff.Id == only.Id).ToList() };
    }

    /// <summary>The month's ranking from the figures as they are now (what a closing or a correction publishes).</summary>
    public async Task<MonthlyRanking> ComputeAsync(Window window, Month month, string? office, CancellationToken cancellationToken = default)
    {
        var staff = await directory.ListByWindowAsync(window, office, cancellationToken);
        var ids = staff.Select(s => s.Id).ToList();
        var today = clock.Today;
        var caseTotals = await cases.TotalsAsync(ids, month, cancellationToken);
        var due = (await commitments.ListByStaffAsync(ids, month.First, month.Last, cancellationToken)).ToLookup(c => c.StaffId);
        var observed = (await inspections.ListAsync(ids, month.First, month.Last, cancellationToken)).ToLookup(i => i.StaffId);
        var held = await contests.ListHeldBetweenAsync(month.First, month.Last, cancellationToken);
        var appraisal = staff.Count == 0 ? AppraisalAnswer.NoMeeting
            : await appraisals.GetAsync(window, month.First.AddMonths(1 - rules.AppraisalMonths), month.Last, cancellationToken);

        var inputs = new List<MonthInputs>();
        foreach (var member in staff)
        {
            var answer = await satisfaction.GetAsync(member.Id, month.First, month.Last, cancellationToken);
            var percents = held.Select(c => c.PercentOf(member.Id)).OfType<double>().ToList();
            inputs.Add(new MonthInputs(member, caseTotals.GetValueOrDefault(member.Id), answer, due[member.Id].ToList(),
                observed[member.Id].ToList(), percents, appraisal));
        }
        return PerformanceScoring.Rank(rules, window, month, today, inputs);
    }

    /// <summary>The window and a month that has begun, their violations collected into <paramref name="v"/>.</summary>
    public Month ParseMonth(Window window, string? monthText, Validator v)
    {
        v.Require(window.IsDefined(), "window", "must be one of the ten window types");
        try
        {
            var month = Month.Parse(monthText, "month");
            v.Require(month.First <= clock.Today, "month", "must not be a month still to come");
            return month;
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) v.Add(violation.Field, violation.Description);
            return default;
        }
    }
}
