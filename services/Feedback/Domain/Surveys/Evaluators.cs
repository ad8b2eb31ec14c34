using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Appointing conduct evaluators for a term, and the reports of their inspections.</summary>
public sealed class Evaluators(IEvaluatorStore store, OfficeClock clock)
{
    public const int MaxFindingsLength = 2000;
    public const int MaxReports = 200;

    public async Task<Evaluator> AppointAsync(AppointEvaluatorCommand command, CancellationToken cancellationToken = default)
    {
        var validator = new Validator()
            .RequireText(command.Name, "name", SuggestionBox.MaxNameLength)
            .LimitText(command.Affiliation, "affiliation", SuggestionBox.MaxNameLength);
        if (TextRules.Clean(command.Phone) is { } phone && !SuggestionBox.LooksLikePhone(phone))
            validator.Add("phone", "must be a phone number: digits, optionally with +, - or spaces");
        var start = validator.Date(command.TermStart, "term_start");
        var end = validator.Date(command.TermEnd, "term_end");
        if (start is { } s && end is { } e && e < s) validator.Add("term_end", "must not be before term_start");
        validator.ThrowIfInvalid();

        var evaluator = new Evaluator("ev-" + Guid.CreateVersion7().ToString("N"), command.Name!.Trim(), TextRules.Clean(command.Phone),
            TextRules.Clean(command.Affiliation), start!.Value, end!.Value, clock.Now);
        await store.AddAsync(evaluator, cancellationToken);
        return evaluator;
    }

    /// <summary>The evaluators serving on <paramref name="day"/> (today when null), and the day used.</summary>
    public async Task<(DateOnly Day, IReadOnlyList<Evaluator> Serving)> ListInTermAsync(DateOnly? day, CancellationToken cancellationToken = default)
    {
        var on = day ?? clock.Today;
        return (on, await store.ListInTermAsync(on, cancellationToken));
    }

    public async Task<InspectionReport> ReportAsync(SubmitReportCommand command, CancellationToken cancellationToken = default)
    {
        var validator = new Validator()
            .RequireText(command.EvaluatorId, "evaluator_id", Ratings.MaxStaffIdLength)
            .Require(command.Window.IsDefined(), "window", "must be one of the ten window types")
            .LimitText(command.StaffId, "staff_id", Ratings.MaxStaffIdLength)
            .Require(command.Score is >= 0 and <= 100, "score", "must be from 0 to 100")
            .RequireText(command.Findings, "findings", MaxFindingsLength);
        var visited = validator.Date(command.VisitedOn, "visited_on");
        if (visited is { } v && v > clock.Today) validator.Add("visited_on", "must not be in the future");
        validator.ThrowIfInvalid();
        var evaluatorId = command.EvaluatorId!.Trim();
        var evaluator = await store.FindAsync(evaluatorId, cancellationToken) ?? throw new NotFound("evaluator", evaluatorId);
        if (!evaluator.InTermOn(visited!.Value))
            throw new RuleViolated("evaluator-out-of-term",
                $"evaluator {evaluator.MaskedName} serves from {Dates.Format(evaluator.TermStart)} to {Dates.Format(evaluator.TermEnd)}, not on {Dates.Format(visited.Value)}");

        var report = new InspectionReport("ir-" + Guid.CreateVersion7().ToString("N"), evaluator.Id, command.Window,
            TextRules.Clean(command.StaffId), visited.Value, command.Score, command.Findings!.Trim(), clock.Now);
        await store.AddReportAsync(report, cancellationToken);
        return report;
    }

    public Task<IReadOnlyList<InspectionReport>> ListReportsAsync(Window window, string? staffId, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        if (!window.IsDefined()) throw new ValidationFailed("window", "must be one of the ten window types");
        return store.ListReportsAsync(window, TextRules.Clean(staffId), period, MaxReports, cancellationToken);
    }
}
