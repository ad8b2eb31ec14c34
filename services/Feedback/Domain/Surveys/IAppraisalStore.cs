using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Appraisal meetings; never changed or deleted.</summary>
public interface IAppraisalStore
{
    Task AddAsync(AppraisalMeeting meeting, CancellationToken cancellationToken = default);

    Task<AppraisalMeeting?> FindAsync(string meetingId, CancellationToken cancellationToken = default);

    /// <summary>Meetings held in the period, latest first.</summary>
    Task<IReadOnlyList<AppraisalMeeting>> ListAsync(ReportingPeriod period, int limit, CancellationToken cancellationToken = default);

    /// <summary>A window's scores from the meetings held in the period, averaged.</summary>
    Task<AppraisalFigures> ScoreOfAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default);
}
