namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of commitments (port).</summary>
public interface ICommitmentBook
{
    /// <summary>Stores a new commitment; false when the idempotency key is already taken (nothing stored then).</summary>
    Task<bool> AddAsync(Commitment commitment, IdempotencyTag? tag, CancellationToken cancellationToken = default);

    Task<Remembered<Commitment>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default);

    Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default);

    /// <summary>The commitments of these staff members, by deadline then publication.</summary>
    Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default);
}
