using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>An evaluator's report of a visit to a window (and, when named, one staff member there): what was found
/// and a score out of 100.</summary>
public sealed record InspectionReport(
    string Id,
    string EvaluatorId,
    Window Window,
    string? StaffId,
    DateOnly VisitedOn,
    int Score,
    string Findings,
    DateTimeOffset SubmittedAt);
