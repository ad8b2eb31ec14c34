namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of staff members (port). Badge numbers and idempotency keys are unique.</summary>
public interface IStaffDirectory
{
    /// <summary>Stores a new member, or says which unique value is already taken (nothing stored then).</summary>
    Task<StaffInsert> AddAsync(StaffMember member, IdempotencyTag? tag, CancellationToken cancellationToken = default);

    Task<Remembered<StaffMember>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);

    Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default);

    /// <summary>The staff serving <paramref name="window"/>, optionally only at one office, by badge number.</summary>
    Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default);
}

public enum StaffInsert
{
    Added,
    BadgeNumberTaken,
    IdempotencyKeyTaken,
}
