namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A county's dibao standard (monthly, per person) and asset limit (per person), in force from a date until the next
/// one for the same county. Local policy: configured, or published by the bureau through the service
/// (<see cref="PublishedBy"/> then names the staff member who published it).
/// </summary>
public sealed record LocalStandard(string CountyCode, DateOnly EffectiveFrom, long MonthlyStandardFen, long AssetLimitPerCapitaFen)
{
    public string PublishedBy { get => field ?? ""; init; } = "";
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The first month it applies to: a standard from the 1st (or any day) of July pays July at its amount.</summary>
    public DateOnly FirstMonth => BenefitSchedule.MonthOf(EffectiveFrom);
}
