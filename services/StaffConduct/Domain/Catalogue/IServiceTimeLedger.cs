namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>The reported case times (port), one per event id.</summary>
public interface IServiceTimeLedger
{
    /// <summary>Stores a case time; false when one with its event id is already stored (nothing stored then).</summary>
    Task<bool> AddAsync(ServiceTimeRecord record, CancellationToken cancellationToken = default);

    Task<ServiceTimeRecord?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Cases of the item completed in the month, and how many of them within the promise.</summary>
    Task<(int Cases, int WithinPromise)> MonthAsync(string itemId, Month month, CancellationToken cancellationToken = default);
}
