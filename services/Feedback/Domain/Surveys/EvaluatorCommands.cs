using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record AppointEvaluatorCommand(
    string? Name,
    string? Phone,
    string? Affiliation,
    string? TermStart,
    string? TermEnd)
{
    public override string ToString() => "AppointEvaluatorCommand { (name and phone withheld) }";
}

public sealed record SubmitReportCommand(
    string? EvaluatorId,
    Window Window,
    string? StaffId,
    string? VisitedOn,
    int Score,
    string? Findings);
