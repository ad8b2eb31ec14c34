namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// The store of staff members and their history (port). Badge numbers are unique. Adding a member also writes history
/// version 1; a change writes the record and its history entry together.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Stores a new member, or says that the badge number is already taken (nothing stored then).</summary>
    Task<StaffWrite> AddAsync(StaffMember member, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the record when the stored version is <c>updated.Version - 1</c> and appends <paramref name="change"/>
    /// to the history; nothing is written otherwise.
    /// </summary>
    Task<StaffWrite> UpdateAsync(StaffMember updated, StaffChange change, CancellationToken cancellationToken = default);

    Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default);

    /// <summary>The members among these ids, by badge number.</summary>
    Task<IReadOnlyList<StaffMember>> ListByIdsAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default);

    /// <summary>The staff serving <paramref name="window"/>, optionally only at one office, by badge number.</summary>
    Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default);

    /// <summary>Every version of the record, oldest first.</summary>
    Task<IReadOnlyList<StaffChange>> ListHistoryAsync(string staffId, CancellationToken cancellationToken = default);
}

public enum StaffWrite
{
    Written,
    BadgeNumberTaken,
    VersionConflict,
}
