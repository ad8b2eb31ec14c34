namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of commitments (port).</summary>
public interface ICommitmentBook
{
    Task AddAsync(Commitment commitment, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome only when none is recorded yet (one conditional write).</summary>
    Task<CommitmentResolve> ResolveAsync(string commitmentId, CommitmentOutcome outcome, CancellationToken cancellationToken = default);

    Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default);

    /// <summary>The commitments of these staff members, by deadline then publication; only those due between the
    /// dates (inclusive) when given.</summary>
    Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, DateOnly? dueFrom = null, DateOnly? dueTo = null,
        CancellationToken cancellationToken = default);

    /// <summary>Commitments without an outcome whose deadline is before <paramref name="day"/>, by deadline.</summary>
    Task<IReadOnlyList<Commitment>> ListOpenDueBeforeAsync(Window? window, DateOnly day, CancellationToken cancellationToken = default);
}

public enum CommitmentResolve
{
    Resolved,
    AlreadyResolved,
}
