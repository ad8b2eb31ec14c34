using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class RankingArchive(IDocumentStore store) : IPublishedRankings
{
    public async Task<PublishedRanking?> LatestAsync(Window window, Month month, CancellationToken cancellationToken = default) =>
        (await store.DocumentsAsync(StaffConductDocuments.PublishedRankings,
            DocumentQuery.Where("month", PublishedRanking.KeyOf(window, month)).OrderByDescending("version").Take(1), cancellationToken))
        .FirstOrDefault();

    public Task<PublishedRanking?> VersionAsync(Window window, Month month, int version, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(StaffConductDocuments.PublishedRankings, $"{PublishedRanking.KeyOf(window, month)}:v{version}", cancellationToken);

    public Task<bool> AddAsync(PublishedRanking published, CancellationToken cancellationToken = default) =>
        store.InsertOnceAsync(StaffConductDocuments.PublishedRankings, published, cancellationToken);
}
