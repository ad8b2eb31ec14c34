namespace CivilAffairs.Feedback.Domain;

public sealed record RecordStepCommand(
    string? CaseId,
    int Action,
    string? HandledBy,
    string? Note,
    bool CitizenSatisfied,
    int ExpectedVersion = 0,
    string? IdempotencyKey = null)
{
    public string Fingerprint() => Domain.Fingerprint.Of("step", CaseId, Action, HandledBy, Note, CitizenSatisfied);
}
