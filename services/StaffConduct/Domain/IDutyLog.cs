namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The log of duty records (port). Records are appended, never changed.</summary>
public interface IDutyLog
{
    Task AddAsync(DutyRecord record, CancellationToken cancellationToken = default);

    /// <summary>The latest record of <paramref name="date"/> for each of these staff members that has one.</summary>
    Task<IReadOnlyList<DutyRecord>> ListForDayAsync(IReadOnlyCollection<string> staffIds, DateOnly date, CancellationToken cancellationToken = default);
}
