namespace CivilAffairs.SharedKernel;

/// <summary>The ten public service windows (DOMAIN.md). Numbers match <c>civilaffairs.common.v1.WindowType</c>.</summary>
public enum Window
{
    Unspecified = 0,
    MarriageRegistration = 1,
    SocialAssistance = 2,
    ElderlyCare = 3,
    ChildWelfare = 4,
    AdoptionRegistration = 5,
    FuneralServices = 6,
    VagrantRelief = 7,
    SocialOrganizations = 8,
    DisabilityWelfare = 9,
    PlaceNames = 10,
}

public static class WindowCodes
{
    private static readonly string[] Codes =
    [
        "UNSPECIFIED", "MARRIAGE_REGISTRATION", "SOCIAL_ASSISTANCE", "ELDERLY_CARE", "CHILD_WELFARE",
        "ADOPTION_REGISTRATION", "FUNERAL_SERVICES", "VAGRANT_RELIEF", "SOCIAL_ORGANIZATIONS", "DISABILITY_WELFARE",
        "PLACE_NAMES",
    ];

    /// <summary>The code used in spans, baggage, metrics and headers, e.g. <c>MARRIAGE_REGISTRATION</c>.</summary>
    public static string Code(this Window window) =>
        (int)window is >= 0 and < 11 ? Codes[(int)window] : Codes[0];

    /// <summary>Parses a code (<c>MARRIAGE_REGISTRATION</c>) or a number (<c>1</c>); case-insensitive.</summary>
    public static bool TryParse(string? text, out Window window)
    {
        window = Window.Unspecified;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, out var number))
        {
            if (number is < 1 or > 10) return false;
            window = (Window)number;
            return true;
        }
        var index = Array.FindIndex(Codes, c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
        if (index < 1) return false;
        window = (Window)index;
        return true;
    }

    public static bool IsDefined(this Window window) => (int)window is >= 1 and <= 10;
}
