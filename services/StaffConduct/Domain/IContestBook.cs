namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of contests and their scores (port).</summary>
public interface IContestBook
{
    Task AddAsync(Contest contest, CancellationToken cancellationToken = default);

    /// <summary>Adds a batch of scores, all or none: none when a participant of the batch is already scored.</summary>
    Task<ScoresWrite> AddScoresAsync(string contestId, IReadOnlyList<ContestScore> scores, CancellationToken cancellationToken = default);

    Task<Contest?> GetAsync(string contestId, CancellationToken cancellationToken = default);

    /// <summary>Contests a staff member was scored in, newest first.</summary>
    Task<IReadOnlyList<Contest>> ListForStaffAsync(string staffId, CancellationToken cancellationToken = default);

    /// <summary>Contests held between the dates (inclusive), with their scores.</summary>
    Task<IReadOnlyList<Contest>> ListHeldBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

public enum ScoresWrite
{
    Written,
    ParticipantAlreadyScored,
}
