using CivilAffairs.Feedback.V1;
using CivilAffairs.StaffConduct.Domain;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Clients;

/// <summary>
/// Satisfaction from the feedback service over gRPC (through the shared resilience pipeline). When it does not
/// answer, the answer says so instead of a number: the ranking reports the figure as missing.
/// </summary>
internal sealed class FeedbackSatisfactionSource(Feedback.V1.Feedback.FeedbackClient client, ILogger<FeedbackSatisfactionSource> logger)
    : ISatisfactionSource
{
    public async Task<SatisfactionAnswer> GetAsync(string staffId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        try
        {
            var figures = await client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest
            {
                StaffId = staffId, FromDate = Dates.Format(from), ToDate = Dates.Format(to),
            }, cancellationToken: cancellationToken);
            return SatisfactionAnswer.Of(new SatisfactionFigure(figures.Total, figures.SatisfactionRate));
        }
        catch (RpcException error) when (error.StatusCode is not StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The feedback service did not give staff satisfaction ({Status}): {Detail}", error.StatusCode, error.Status.Detail);
            return SatisfactionAnswer.Unavailable($"the feedback service did not answer ({error.StatusCode})");
        }
    }
}
