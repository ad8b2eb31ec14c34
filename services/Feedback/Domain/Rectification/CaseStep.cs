namespace CivilAffairs.Feedback.Domain;

/// <summary>One entry of a case's history: who did what, when, and the stage it moved the case from and to.</summary>
public sealed record CaseStep(
    int Number,
    CaseAction Action,
    CaseStage From,
    CaseStage To,
    string HandledBy,
    string? Note,
    DateTimeOffset At);
