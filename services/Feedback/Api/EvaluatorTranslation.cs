using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>Evaluators and their reports as the public sees them: masked names, no phone.</summary>
internal static class EvaluatorTranslation
{
    public static V1.Evaluator ToContract(this Evaluator evaluator) => new()
    {
        EvaluatorId = evaluator.Id,
        MaskedName = evaluator.MaskedName,
        Affiliation = evaluator.Affiliation ?? "",
        TermStart = Dates.Format(evaluator.TermStart),
        TermEnd = Dates.Format(evaluator.TermEnd),
    };

    public static V1.InspectionReport ToContract(this InspectionReport report) => new()
    {
        ReportId = report.Id,
        EvaluatorId = report.EvaluatorId,
        Window = report.Window.ToContract(),
        StaffId = report.StaffId ?? "",
        VisitedOn = Dates.Format(report.VisitedOn),
        Score = report.Score,
        Findings = report.Findings,
        SubmittedAt = report.SubmittedAt.ToTimestamp(),
    };
}
