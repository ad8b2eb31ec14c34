using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>
/// Versions are appended, one document each. The keyword search (<see cref="ServiceCatalogueDesk.SearchAsync"/>) reads
/// the window's versions through <see cref="ListAsync"/> and matches the Chinese text in C#, because the catalogue is
/// small. Measured on SQLite on a loaded 2-core machine: all windows' 21 seeded versions (37 KiB of JSON) are searched
/// in 1-2 ms; with 10 versions per item (231, 409 KiB) in 20-45 ms, with 50 (1,071, 1.9 MB) in 20-70 ms; one window's
/// search stays under 3 ms. Search terms (n-grams) in a multi-valued field would find only whole terms of one length,
/// where a citizen's keyword may be any part of the text, and would add hundreds of indexed values per version.
/// </summary>
internal sealed class ServiceCatalogue(IDocumentStore store) : IServiceCatalogue
{
    public Task<bool> AddVersionAsync(ServiceItemVersion version, CancellationToken cancellationToken = default) =>
        store.InsertOnceAsync(Catalogue, version, cancellationToken);

    public Task<IReadOnlyList<ServiceItemVersion>> VersionsAsync(string itemId, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(Catalogue, DocumentQuery.Where("item", itemId).OrderBy("version"), cancellationToken);

    public Task<IReadOnlyList<ServiceItemVersion>> ListAsync(Window? window, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(Catalogue, (window is { } w ? DocumentQuery.Where("window", w) : DocumentQuery.All).OrderBy("item").OrderBy("version"),
            cancellationToken);
}
