namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// One published version of a window's month, frozen as it was published: the ranking, the titles and the figures
/// behind them, the staff as they read that day. Version 1 is the closing of the month; each correction adds the next
/// version with its reason. No version is ever changed or removed.
/// </summary>
public sealed record PublishedRanking(
    Window Window,
    Month Month,
    int Version,
    string Reason,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    MonthlyRanking Ranking)
{
    public string Id => KeyOf(Window, Month) + ":v" + Version;

    public static string KeyOf(Window window, Month month) => $"{window}:{month}";

    /// <summary>The ranking as this version reads, telling which version it is and which is the latest.</summary>
    public MonthlyRanking AsRead(int latestVersion) =>
        Ranking with { Publication = new Publication(Version, latestVersion, Reason, PublishedBy, PublishedAt) };
}
