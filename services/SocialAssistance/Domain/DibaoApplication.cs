namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A dibao (最低生活保障) application and, once approved, the case it becomes. A household has at most one open
/// application at a time; a closed one (refused, withdrawn) stays in the archive.
/// </summary>
public sealed record DibaoApplication
{
    public required string Id { get; init; }
    public required string HouseholdId { get; init; }
    public required ApplicantKind ApplicantKind { get; init; }
    public string ApplicantName { get; init; } = "";
    public string Reason { get; init; } = "";
    public required ApplicationStatus Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public int Version { get; init; } = 1;

    public bool IsOpen => Status is not (ApplicationStatus.Refused or ApplicationStatus.Withdrawn);
}
