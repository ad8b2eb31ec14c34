namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The published versions of closed months (port). Versions are appended, never changed.</summary>
public interface IPublishedRankings
{
    /// <summary>The latest version of the window's month; null while the month is open.</summary>
    Task<PublishedRanking?> LatestAsync(Window window, Month month, CancellationToken cancellationToken = default);

    Task<PublishedRanking?> VersionAsync(Window window, Month month, int version, CancellationToken cancellationToken = default);

    /// <summary>Stores a version; false, and nothing stored, when that version of the month is already published.</summary>
    Task<bool> AddAsync(PublishedRanking published, CancellationToken cancellationToken = default);
}
