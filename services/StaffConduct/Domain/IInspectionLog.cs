namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The log of inspections (port). Inspections are appended, never changed.</summary>
public interface IInspectionLog
{
    Task AddAsync(Inspection inspection, CancellationToken cancellationToken = default);

    /// <summary>The inspections of these staff members observed between the dates (inclusive, either open), newest first.</summary>
    Task<IReadOnlyList<Inspection>> ListAsync(IReadOnlyCollection<string> staffIds, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default);
}
