namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A change the household reported (情况变化), with the figures before and after. Appended, never rewritten.</summary>
public sealed record HouseholdChange(DateTimeOffset At, string Note, IReadOnlyList<long> IncomesBeforeFen, IReadOnlyList<long> IncomesAfterFen,
    long AssetsBeforeFen, long AssetsAfterFen);
