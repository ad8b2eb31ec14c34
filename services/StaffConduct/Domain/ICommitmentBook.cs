namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of commitments (port).</summary>
public interface ICommitmentBook
{
    /// <summary>Stores a new commitment; false when the idempotency key is already taken (nothing stored then).</summary>
    Task<bool> AddAsync(Commitment commitment, IdempotencyTag? tag, CancellationToken cancellationToken = default);

    Task<Remembered<Commitment>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome only when none is recorded yet (one conditional write).</summary>
    Task<CommitmentResolve> ResolveAsync(string commitmentId, CommitmentOutcome outcome, IdempotencyTag? tag,
        CancellationToken cancellationToken = default);

    /// <summary>The commitment as the resolution with this idempotency key left it.</summary>
    Task<Remembered<Commitment>?> FindByResolutionKeyAsync(string key, CancellationToken cancellationToken = default);

    Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default);

    /// <summary>The commitments of these staff members, by deadline then publication.</summary>
    Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default);

    /// <summary>Commitments without an outcome whose deadline is before <paramref name="day"/>, by deadline.</summary>
    Task<IReadOnlyList<Commitment>> ListOpenDueBeforeAsync(Window? window, DateOnly day, CancellationToken cancellationToken = default);
}

public enum CommitmentResolve
{
    Resolved,
    AlreadyResolved,
    IdempotencyKeyTaken,
}
