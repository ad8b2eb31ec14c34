namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A staff member's status for one day, as recorded at <see cref="RecordedAt"/>; the latest record of a day counts.</summary>
public sealed record DutyRecord(string StaffId, DateOnly Date, DutyStatus Status, string Note, DateTimeOffset RecordedAt, Window Window);

/// <summary>The log of duty records (port). Records are appended, never changed.</summary>
public interface IDutyLog
{
    /// <summary>Appends a record; false when the idempotency key is already taken (nothing stored then).</summary>
    Task<bool> AddAsync(DutyRecord record, IdempotencyTag? tag, CancellationToken cancellationToken = default);

    Task<Remembered<DutyRecord>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The latest record of <paramref name="date"/> for each of these staff members that has one.</summary>
    Task<IReadOnlyList<DutyRecord>> ListForDayAsync(IReadOnlyCollection<string> staffIds, DateOnly date, CancellationToken cancellationToken = default);
}
