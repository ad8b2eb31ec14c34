namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// Local rules of the marriage window, from the <c>Marriage</c> configuration section. An office can override the
/// booking rules for itself (ConfigureOffice); these are the defaults for offices that did not.
/// </summary>
public sealed class MarriageOptions
{
    public const string Section = "Marriage";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Booking for a date opens this many days before it.</summary>
    public int BookingHorizonDays { get; set; } = 30;

    /// <summary>At this office time on the opening day ("08:00").</summary>
    public string BookingOpensAt { get; set; } = "08:00";

    public int Windows { get; set; } = 4;

    public bool WalkInsAllowed { get; set; } = true;

    /// <summary>Prefix of certificate numbers, e.g. the office's administrative code.</summary>
    public string CertificatePrefix { get; set; } = "";
}
