using System.Collections.Concurrent;
using CivilAffairs.ServiceDefaults.Documents;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>
/// Numbers never given twice: the engine's sequence of a series (<see cref="WriteBatch.InsertNumbered{T}"/>), counted
/// after the numbers an earlier release gave from it (imported as <see cref="SeriesStart"/>; fixed once the service runs).
/// </summary>
internal sealed class NumberSeries(IDocumentStore store)
{
    private readonly ConcurrentDictionary<string, long> _earlier = new();

    public async Task<long> EarlierAsync(string series, CancellationToken cancellationToken)
    {
        if (_earlier.TryGetValue(series, out var issued)) return issued;
        issued = (await store.GetAsync(SeriesStarts, series, cancellationToken))?.Document.Issued ?? 0;
        return _earlier.GetOrAdd(series, issued);
    }
}
