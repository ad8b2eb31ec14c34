namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>The catalogue's store (port): versions are appended, never changed.</summary>
public interface IServiceCatalogue
{
    /// <summary>Adds a version; false when that version number of the item exists already (nothing written).</summary>
    Task<bool> AddVersionAsync(ServiceItemVersion version, CancellationToken cancellationToken = default);

    /// <summary>Every version of an item, oldest first.</summary>
    Task<IReadOnlyList<ServiceItemVersion>> VersionsAsync(string itemId, CancellationToken cancellationToken = default);

    /// <summary>Every version of every item of a window, or of all windows when null.</summary>
    Task<IReadOnlyList<ServiceItemVersion>> ListAsync(Window? window, CancellationToken cancellationToken = default);
}
