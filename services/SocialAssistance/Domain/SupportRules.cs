namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Local rules of extreme-poverty support and temporary assistance, under <c>Assistance:Support</c>.</summary>
public sealed record SupportRules
{
    /// <summary>The basic living standard of extreme poverty as a share of the dibao standard (at least 130%).</summary>
    public int ExtremePovertyPercentOfStandard { get; init; } = 130;
    /// <summary>Temporary assistance at most this many months of the dibao standard for each member.</summary>
    public int TemporaryMaxMonthsOfStandard { get; init; } = 3;
    /// <summary>Working days to complete the paperwork after an emergency payment.</summary>
    public int PaperworkWorkingDays { get; init; } = 5;
    /// <summary>Calendar days a normal-route temporary assistance is publicly posted, the first day included.</summary>
    public int PostingDays { get; init; } = 7;
    public int ElderlyFromAge { get; init; } = 60;
    public int ChildUnderAge { get; init; } = 16;
}
