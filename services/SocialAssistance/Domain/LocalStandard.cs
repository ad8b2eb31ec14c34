namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A county's dibao standard (monthly, per person) and asset limit (per person), in force from a date until the next
/// one for the same county. Local policy, so it is configuration, not code.
/// </summary>
public sealed record LocalStandard(string CountyCode, DateOnly EffectiveFrom, long MonthlyStandardFen, long AssetLimitPerCapitaFen);
