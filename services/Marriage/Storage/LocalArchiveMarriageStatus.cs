using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>
/// The bigamy check from this platform's own archive: a person has a standing marriage when a record still holds them
/// as a spouse. Marriages registered only elsewhere are not seen: a connection to the national marriage registration
/// system would be a second <see cref="IMarriageStatusRegistry"/>.
/// </summary>
internal sealed class LocalArchiveMarriageStatus(IDocumentStore store) : IMarriageStatusRegistry
{
    public const string ThisArchive = "this platform's archive";

    public string Consulted => ThisArchive;

    public async Task<MaritalStatusAnswer> StatusOfAsync(string idNumber, CancellationToken cancellationToken) =>
        new((await store.FindAsync(Marriages, DocumentQuery.Where("spouses", idNumber).Take(1), cancellationToken)).Count > 0, ThisArchive);
}
