namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The ledger of case reports (port).</summary>
public interface ICaseLedger
{
    /// <summary>Stores a report; false when a report with its event id is already stored (nothing stored then).</summary>
    Task<bool> AddAsync(CaseReport report, CancellationToken cancellationToken = default);

    Task<CaseReport?> FindByEventIdAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Cases per staff member for the month, summed over every report (staff without reports are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> TotalsAsync(IReadOnlyCollection<string> staffIds, Month month, CancellationToken cancellationToken = default);
}
