namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Where satisfaction comes from (port): the feedback service, over gRPC.</summary>
public interface ISatisfactionSource
{
    /// <summary>Never throws for an unreachable source: answers <see cref="SatisfactionAnswer.Unavailable"/> instead.</summary>
    Task<SatisfactionAnswer> GetAsync(string staffId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
