namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>The time one case of an item took, as reported by the service that handled it, judged against the promise.</summary>
public sealed record ServiceTimeRecord(string EventId, string ItemId, DateOnly CompletedOn, int Elapsed, TimeLimit Promised,
    DateTimeOffset ReceivedAt)
{
    public bool WithinPromise => Promised.Kept(Elapsed);
}
