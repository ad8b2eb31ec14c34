namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Where the appraisal meetings' scores come from (port): the feedback service, over gRPC.</summary>
public interface IAppraisalSource
{
    /// <summary>The scores the window received from meetings held between the dates (inclusive). Never throws for an
    /// unreachable source: answers <see cref="AppraisalAnswer.Unavailable"/> instead.</summary>
    Task<AppraisalAnswer> GetAsync(Window window, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
