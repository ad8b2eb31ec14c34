namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>
/// One published version of a service item. Versions are only ever added: the version in force on a day is the
/// latest one effective on or before it, so what was published stays readable by date.
/// </summary>
public sealed record ServiceItemVersion(
    string ItemId,
    Window Window,
    string OfficeId,
    int Version,
    DateOnly EffectiveFrom,
    ServiceItemContent Content,
    DateTimeOffset PublishedAt,
    string PublishedBy)
{
    /// <summary>The version of one item in force on <paramref name="day"/>, or null before its first version.</summary>
    public static ServiceItemVersion? InForce(IEnumerable<ServiceItemVersion> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version).LastOrDefault();
}

/// <summary>The time one case of an item took, as reported by the service that handled it, judged against the promise.</summary>
public sealed record ServiceTimeRecord(string EventId, string ItemId, DateOnly CompletedOn, int Elapsed, TimeLimit Promised,
    DateTimeOffset ReceivedAt)
{
    public bool WithinPromise => Promised.Kept(Elapsed);
}

/// <summary>The catalogue's store (port): versions are appended, never changed.</summary>
public interface IServiceCatalogue
{
    /// <summary>Adds a version; false when that version number of the item exists already (nothing written).</summary>
    Task<bool> AddVersionAsync(ServiceItemVersion version, CancellationToken cancellationToken = default);

    /// <summary>Every version of an item, oldest first.</summary>
    Task<IReadOnlyList<ServiceItemVersion>> VersionsAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Every version of every item of a window, or of all windows when null.</summary>
    Task<IReadOnlyList<ServiceItemVersion>> ListAsync(Window? window, CancellationToken cancellationToken = default);

    /// <summary>Loads the given versions only when the catalogue is empty (the first start of an empty store).</summary>
    Task SeedAsync(IReadOnlyList<ServiceItemVersion> versions, CancellationToken cancellationToken = default);
}

/// <summary>The reported case times (port), one per event id.</summary>
public interface IServiceTimeLedger
{
    Task<bool> AddAsync(ServiceTimeRecord record, string fingerprint, CancellationToken cancellationToken = default);

    Task<Remembered<ServiceTimeRecord>?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Cases of the item completed in the month, and how many of them within the promise.</summary>
    Task<(int Cases, int WithinPromise)> MonthAsync(string itemId, Month month, CancellationToken cancellationToken = default);
}
