using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A case's amount before and after a new standard, from the month it applies to.</summary>
public sealed record StandardChange(string ApplicationId, string HouseholdId, DateOnly FromMonth, long BeforeFen, long AfterFen);

/// <summary>
/// New local standards take effect from their announced date for every case then active: the bureau publishes the
/// standard, and every active or suspended dibao case of the county is computed again from the standard's month (or
/// its first paid month, if later), each change recorded on the case with the old and new amounts. The next payment
/// run pays the new amount. A month already paid at the old amount stays paid as it was; the adjustment says so.
/// </summary>
public sealed class StandardPublication(LocalStandards standards, IApplicationStore applications, IPaymentStore payments,
    AssistanceStaff staff, DibaoRules rules, CaseCalendar calendar)
{
    private const int Attempts = 5;

    public async Task<(LocalStandard Standard, IReadOnlyList<StandardChange> Changes)> PublishAsync(string? countyCode, string? effectiveFrom,
        long monthlyStandardFen, long assetLimitPerCapitaFen, string? staffId)
    {
        var validator = new Validator();
        var county = countyCode?.Trim() ?? "";
        validator.Require(county.Length == 6 && county.All(char.IsAsciiDigit), "county_code", "must be the 6-digit administrative division code");
        Money.Check(validator, monthlyStandardFen, "monthly_standard_fen", positive: true);
        Money.Check(validator, assetLimitPerCapitaFen, "asset_limit_per_capita_fen");
        validator.ThrowIfInvalid();
        var from = Dates.ParseDate(effectiveFrom, "effective_from");
        var clerk = await staff.RequireAsync(staffId);
        var standard = new LocalStandard(county, from, monthlyStandardFen, assetLimitPerCapitaFen) { PublishedBy = clerk.Id, PublishedAt = calendar.Now };
        if (!await standards.PublishAsync(standard))
            throw new AlreadyExists("local-standard", $"county {county} already has a standard effective from {Dates.Format(from)}");

        var countyStandards = await standards.OfCountyAsync(county);
        var changes = new List<StandardChange>();
        foreach (var found in await applications.ListByStatusAsync([ApplicationStatus.Active, ApplicationStatus.Suspended]))
        {
            if (found.MeansTest?.CountyCode != county) continue;
            if (await RecomputeAsync(found, standard, countyStandards, clerk) is { } change) changes.Add(change);
        }
        return (standard, changes);
    }

    private async Task<StandardChange?> RecomputeAsync(DibaoApplication application, LocalStandard standard,
        IReadOnlyList<LocalStandard> countyStandards, StaffMember clerk)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // A case on its gradual exit keeps the amount it had until the exit ends.
            if (application.GradualExitLastMonth is not null || application.BenefitStartMonth is not { } start || application.MeansTest is null) return null;
            var from = standard.FirstMonth > start ? standard.FirstMonth : start;
            var before = application.BenefitFor(from);
            var (amounts, after) = application.Rescheduled(from, application.MeansTest, countyStandards, application.MembersCut, rules);
            var kind = after > before ? AdjustmentKind.Increase : after < before ? AdjustmentKind.Decrease : AdjustmentKind.Unchanged;
            var paidAlready = (await payments.ListByHouseholdAsync(application.HouseholdId))
                .Where(p => p.Programme == Programme.Dibao && p.CaseId == application.Id && p.Month >= from && p.AmountFen != amounts.Last(a => a.FromMonth <= p.Month).AmountFen)
                .Select(p => $"{PaymentRuns.Format(p.Month)} was paid {p.AmountFen} fen").ToList();
            var reasons = $"local standard {application.MeansTest.MonthlyStandardFen} -> {standard.MonthlyStandardFen} fen a person from {Dates.Format(standard.EffectiveFrom)}: " +
                          $"{before} -> {after} fen a month from {PaymentRuns.Format(from)}" +
                          (paidAlready.Count > 0 ? $"; already paid at the old amount: {string.Join(", ", paidAlready)} (the difference is owed)" : "");
            var next = application.Adjusted(clerk, kind, before, after, reasons, null, calendar, from)
                .Record(calendar.Now, "standard-applied", clerk.Id, application.Status, $"{before} -> {after} fen from {PaymentRuns.Format(from)}") with
            {
                Amounts = amounts,
                MonthlyBenefitFen = after,
                Version = application.Version + 1,
            };
            if (await applications.UpdateAsync(next, application.Version, [])) return new StandardChange(application.Id, application.HouseholdId, from, before, after);
            // Changed meanwhile: read it again and compute once more.
            application = await applications.GetAsync(application.Id) ?? throw new NotFound("dibao-application", application.Id);
            if (application.Status is not (ApplicationStatus.Active or ApplicationStatus.Suspended)) return null;
        }
        throw new RuleViolated("concurrent-change", $"the case {application.Id} kept changing while the standard was applied; publish again to finish");
    }
}
