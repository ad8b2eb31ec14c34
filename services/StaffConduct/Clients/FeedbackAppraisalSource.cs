using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.StaffConduct.Domain;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Clients;

/// <summary>
/// The democratic appraisal meetings' score of a window, from the feedback service's window statistics over gRPC. When
/// it does not answer, the answer says so instead of a number: the ranking reports the figure as missing.
/// </summary>
internal sealed class FeedbackAppraisalSource(Feedback.V1.Feedback.FeedbackClient client, ILogger<FeedbackAppraisalSource> logger)
    : IAppraisalSource
{
    public async Task<AppraisalAnswer> GetAsync(Window window, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = await client.GetWindowStatisticsAsync(new GetWindowStatisticsRequest
            {
                Window = window.ToContract(), FromDate = Dates.Format(from), ToDate = Dates.Format(to),
            }, cancellationToken: cancellationToken);
            return statistics.Appraisal is { Meetings: > 0 } appraisal
                ? AppraisalAnswer.Of(new AppraisalFigure(appraisal.Meetings, appraisal.AverageScore))
                : AppraisalAnswer.NoMeeting;
        }
        catch (RpcException error) when (error.StatusCode is not StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The feedback service did not give the appraisal score ({Status}): {Detail}", error.StatusCode, error.Status.Detail);
            return AppraisalAnswer.Unavailable($"the feedback service did not answer ({error.StatusCode})");
        }
    }
}
