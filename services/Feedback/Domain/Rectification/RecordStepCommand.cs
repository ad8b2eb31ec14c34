namespace CivilAffairs.Feedback.Domain;

public sealed record RecordStepCommand(
    string? CaseId,
    int Action,
    string? HandledBy,
    string? Note,
    bool CitizenSatisfied,
    int ExpectedVersion = 0);
