using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoServiceCatalogue(IMongoDatabase database) : IServiceCatalogue
{
    public const string CollectionName = "catalogue_versions";

    private readonly IMongoCollection<ServiceItemDocument> _versions = database.GetCollection<ServiceItemDocument>(CollectionName);

    // The id is "item@version": a second writer of the same version hits the primary key.
    public Task<bool> AddVersionAsync(ServiceItemVersion version, CancellationToken cancellationToken = default) =>
        _versions.InsertOnceAsync(ServiceItemDocument.From(version), cancellationToken, indexName: null);

    public async Task<IReadOnlyList<ServiceItemVersion>> VersionsAsync(string itemId, CancellationToken cancellationToken = default)
    {
        var found = await _versions.Find(OfItem(itemId)).Sort(ByItemAndVersion).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<ServiceItemVersion>> ListAsync(Window? window, CancellationToken cancellationToken = default)
    {
        var found = await _versions.Find(OfWindow(window)).Sort(ByItemAndVersion).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task SeedAsync(IReadOnlyList<ServiceItemVersion> versions, CancellationToken cancellationToken = default)
    {
        if (await _versions.Find(FilterDefinition<ServiceItemDocument>.Empty).Limit(1).AnyAsync(cancellationToken)) return;
        try
        {
            await _versions.InsertManyAsync(versions.Select(ServiceItemDocument.From), new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException error) when (error.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
        }
    }

    internal static FilterDefinition<ServiceItemDocument> OfItem(string itemId) => Builders<ServiceItemDocument>.Filter.Eq(d => d.ItemId, itemId);

    internal static FilterDefinition<ServiceItemDocument> OfWindow(Window? window) =>
        window is { } w ? Builders<ServiceItemDocument>.Filter.Eq(d => d.Window, (int)w) : FilterDefinition<ServiceItemDocument>.Empty;

    internal static readonly SortDefinition<ServiceItemDocument> ByItemAndVersion =
        Builders<ServiceItemDocument>.Sort.Ascending(d => d.ItemId).Ascending(d => d.Version);

    internal static IEnumerable<CreateIndexModel<ServiceItemDocument>> Indexes()
    {
        var keys = Builders<ServiceItemDocument>.IndexKeys;
        yield return new(keys.Ascending(d => d.ItemId).Ascending(d => d.Version), new CreateIndexOptions { Name = "item_version_unique", Unique = true });
        yield return new(keys.Ascending(d => d.Window).Ascending(d => d.ItemId), new CreateIndexOptions { Name = "window_item" });
    }
}
