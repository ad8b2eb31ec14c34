using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>What the feedback service reports through its outbox: ratings and the close of rectification cases.</summary>
public sealed partial class StaffConductApi
{
    public override async Task<RecordedRating> RecordRating(RecordRatingRequest request, ServerCallContext context)
    {
        var rating = await ratings.RecordRatingAsync(new RatingIntake.RatingReport(request.StaffId, request.Window.ToDomain(),
            (Domain.RatingLevel)(int)request.Level, request.RatingId, request.RatedOn, request.RectificationCaseId), context.CancellationToken);
        WindowTelemetry.Set(rating.Window);
        return rating.ToContract();
    }

    public override async Task<V1.RectificationClosure> RecordRectificationClosed(RecordRectificationClosedRequest request, ServerCallContext context)
    {
        var closure = await ratings.RecordClosureAsync(new RatingIntake.ClosureReport(request.CaseId, request.StaffId, request.RatingId,
            request.OnTime, (RectificationOutcome)(int)request.Outcome, request.ClosedOn), context.CancellationToken);
        return closure.ToContract();
    }
}
