using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class EvaluatorsTests : SqliteDomainTest
{
    private Evaluators _evaluators = null!;

    protected override void Start(IDocumentStore store) => _evaluators = new Evaluators(new EvaluatorStore(store), Clock);

    private Task<Evaluator> AppointAsync(string start = "2026-01-01", string end = "2026-12-31") =>
        _evaluators.AppointAsync(new AppointEvaluatorCommand("钱学明", "13700001234", "人大代表", start, end));

    private Task<InspectionReport> ReportAsync(string evaluatorId, string visitedOn, int score = 90, Window window = Window.MarriageRegistration) =>
        _evaluators.ReportAsync(new SubmitReportCommand(evaluatorId, window, "staff-1", visitedOn, score, "窗口整洁，态度热情"));

    [Fact]
    public async Task An_evaluator_serves_for_a_term_and_shows_a_masked_name()
    {
        var evaluator = await AppointAsync();
        await AppointAsync("2025-01-01", "2025-12-31");

        var (day, serving) = await _evaluators.ListInTermAsync(null);

        Assert.Equal(new DateOnly(2026, 11, 2), day);
        Assert.Equal([evaluator.Id], serving.Select(e => e.Id));
        Assert.Equal("钱*明", evaluator.MaskedName);
        Assert.DoesNotContain("13700001234", evaluator.ToString());
        Assert.DoesNotContain("钱学明", evaluator.ToString());
    }

    [Fact]
    public async Task Appointment_fields_are_checked_together()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _evaluators.AppointAsync(new AppointEvaluatorCommand("", "phone?", null, "2026-02-30", "")));
        var backwards = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _evaluators.AppointAsync(new AppointEvaluatorCommand("李四", null, null, "2026-06-01", "2026-01-01")));

        Assert.Equal(["name", "phone", "term_start", "term_end"], error.Violations.Select(v => v.Field));
        Assert.Equal("term_end", backwards.Violations.Single().Field);
    }

    [Fact]
    public async Task A_report_is_refused_outside_the_term_in_the_future_or_from_an_unknown_evaluator()
    {
        var evaluator = await AppointAsync("2026-03-01", "2026-12-31");

        var before = await Assert.ThrowsAsync<RuleViolated>(() => ReportAsync(evaluator.Id, "2026-02-28"));
        var future = await Assert.ThrowsAsync<ValidationFailed>(() => ReportAsync(evaluator.Id, "2026-11-03"));
        var badScore = await Assert.ThrowsAsync<ValidationFailed>(() => ReportAsync(evaluator.Id, "2026-11-01", 101));
        await Assert.ThrowsAsync<NotFound>(() => ReportAsync("ev-unknown", "2026-11-01"));

        Assert.Equal("evaluator-out-of-term", before.Rule);
        Assert.Equal("visited_on", future.Violations.Single().Field);
        Assert.Equal("score", badScore.Violations.Single().Field);
    }

    [Fact]
    public async Task Reports_list_per_window_and_period_newest_visit_first()
    {
        var evaluator = await AppointAsync();
        await ReportAsync(evaluator.Id, "2026-10-01", 80);
        await ReportAsync(evaluator.Id, "2026-10-20", 95);
        await ReportAsync(evaluator.Id, "2026-09-01", 60);
        await ReportAsync(evaluator.Id, "2026-10-05", 70, Window.PlaceNames);

        var october = await _evaluators.ListReportsAsync(Window.MarriageRegistration, null,
            new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));

        Assert.Equal([95, 80], october.Select(r => r.Score));
    }
}
