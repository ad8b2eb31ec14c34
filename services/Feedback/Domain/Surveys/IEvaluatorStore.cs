using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Appointed evaluators and their inspection reports; neither is deleted.</summary>
public interface IEvaluatorStore
{
    Task AddAsync(Evaluator evaluator, CancellationToken cancellationToken = default);

    Task<Evaluator?> FindAsync(string evaluatorId, CancellationToken cancellationToken = default);

    /// <summary>Evaluators whose term covers <paramref name="day"/>, in order of appointment.</summary>
    Task<IReadOnlyList<Evaluator>> ListInTermAsync(DateOnly day, CancellationToken cancellationToken = default);

    Task AddReportAsync(InspectionReport report, CancellationToken cancellationToken = default);

    /// <summary>Reports on a window (optionally one staff member) with a visit day in the period, newest visit first.</summary>
    Task<IReadOnlyList<InspectionReport>> ListReportsAsync(Window window, string? staffId, ReportingPeriod period, int limit,
        CancellationToken cancellationToken = default);
}
