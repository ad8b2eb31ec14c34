namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Receives the cases-handled reports of the other services, once per event.</summary>
public sealed class CaseIntake(StaffRegistry registry, ICaseLedger ledger, BureauClock clock)
{
    public sealed record Report(string? StaffId, string? Month, int Count, string? Source, string? EventId, Window Window);

    public async Task<(CaseReport Report, int MonthTotal)> ReceiveAsync(Report report, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var staffId = Text.RequireId(report.StaffId, "staff_id", v);
        var eventId = Text.Require(report.EventId, "event_id", 128, v);
        var source = Text.Require(report.Source, "source", 64, v).ToLowerInvariant();
        v.Require(report.Count is > 0 and <= CaseReport.MaxCount, "count", $"must be between 1 and {CaseReport.MaxCount}");
        var month = default(Month);
        try
        {
            month = Month.Parse(report.Month, "month");
            v.Require(month.First <= clock.Today, "month", "must not be a month still to come");
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) v.Add(violation.Field, violation.Description);
        }
        var window = report.Window;
        if (CaseReport.KnownSources.TryGetValue(source, out var sourceWindow))
        {
            v.Require(window == Window.Unspecified || window == sourceWindow, "window", $"must be {sourceWindow.Code()} for source {source}");
            window = sourceWindow;
        }
        else if (source.Length > 0)
        {
            v.Require(window.IsDefined(), "window", $"is required: source {source} is not one of the services that serve a single window");
        }
        v.ThrowIfInvalid();

        var member = await registry.GetAsync(staffId, cancellationToken);
        StaffRegistry.RequireServes(member, window);
        var received = new CaseReport(eventId, staffId, window, month, report.Count, source, clock.Now);
        var stored = await ReportedOnce.RecordAsync(received,
            () => ledger.FindByEventIdAsync(eventId, cancellationToken),
            () => ledger.AddAsync(received, cancellationToken),
            (earlier, asked) => earlier with { ReceivedAt = asked.ReceivedAt } == asked,
            "event_id");
        var totals = await ledger.TotalsAsync([staffId], stored.Month, cancellationToken);
        return (stored, totals.GetValueOrDefault(staffId));
    }
}
