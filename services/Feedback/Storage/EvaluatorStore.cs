using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Storage;

internal sealed class EvaluatorStore(IDocumentStore store) : IEvaluatorStore
{
    public Task AddAsync(Evaluator evaluator, CancellationToken cancellationToken = default) =>
        store.InsertAsync(FeedbackDocuments.Evaluators, evaluator, cancellationToken);

    public Task<Evaluator?> FindAsync(string evaluatorId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(FeedbackDocuments.Evaluators, evaluatorId, cancellationToken);

    public Task<IReadOnlyList<Evaluator>> ListInTermAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(FeedbackDocuments.Evaluators,
            DocumentQuery.All.AndAtLeast("termEnd", day).AndAtMost("termStart", day).OrderBy("appointedAt"), cancellationToken);

    public Task AddReportAsync(InspectionReport report, CancellationToken cancellationToken = default) =>
        store.InsertAsync(FeedbackDocuments.Reports, report, cancellationToken);

    public Task<IReadOnlyList<InspectionReport>> ListReportsAsync(Window window, string? staffId, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.Where("window", window);
        if (staffId is not null) query = query.And("staff", staffId);
        return store.DocumentsAsync(FeedbackDocuments.Reports, query.AndBetween("visitedOn", period.From, period.To)
            .OrderByDescending("visitedOn").OrderByDescending("id").Take(limit), cancellationToken);
    }
}
