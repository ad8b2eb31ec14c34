namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>One line of a household's ledger: a programme's payment for a month. Never changed or deleted.</summary>
public sealed record Payment
{
    public required string Id { get; init; }
    public required string HouseholdId { get; init; }
    public required string CaseId { get; init; }
    public required Programme Programme { get; init; }
    /// <summary>The first day of the month paid for.</summary>
    public required DateOnly Month { get; init; }
    public required long AmountFen { get; init; }
    public required DateTimeOffset PaidAt { get; init; }
    /// <summary>The monthly run that paid it, or the emergency grant.</summary>
    public required string Source { get; init; }
}
