using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.StaffConduct.V1;

namespace CivilAffairs.Feedback.Integration;

/// <summary>
/// Feedback's events as staff-conduct's own gRPC requests, ready for the outbox. Both events of one rating share the
/// rating id as their aggregate, so a case's closure always leaves after the rating that opened it.
/// </summary>
internal sealed class PlatformEvents(TimeProvider time) : IPlatformEvents
{
    public const string StaffConductTarget = "staff-conduct";
    public const string RecordRating = "/civilaffairs.staffconduct.v1.StaffConduct/RecordRating";
    public const string RecordRectificationClosed = "/civilaffairs.staffconduct.v1.StaffConduct/RecordRectificationClosed";

    public IReadOnlyList<OutboxMessage> Rated(Rating rating, RectificationCase? openedCase)
    {
        if (rating.StaffId is null) return [];
        var request = new RecordRatingRequest
        {
            StaffId = rating.StaffId, Window = rating.Window.ToContract(), Level = (V1.RatingLevel)(int)rating.Level, RatingId = rating.Id,
            RatedOn = Dates.Format(rating.RatedOn), RectificationCaseId = openedCase?.Id ?? "",
        };
        return [Message(rating.Id, RecordRating, rating.Window, request)];
    }

    public IReadOnlyList<OutboxMessage> RectificationClosed(RectificationCase closed)
    {
        if (closed.StaffId is null || closed.ClosedOn is not { } closedOn) return [];
        var request = new RecordRectificationClosedRequest
        {
            CaseId = closed.Id, StaffId = closed.StaffId, RatingId = closed.RatingId, OnTime = closed.ClosedOnTime == true,
            Outcome = (V1.CaseOutcome)(int)closed.Outcome, ClosedOn = Dates.Format(closedOn),
        };
        return [Message(closed.RatingId, RecordRectificationClosed, closed.Window, request)];
    }

    private OutboxMessage Message(string ratingId, string method, Window window, Google.Protobuf.IMessage request) =>
        OutboxEvents.Message(time, OutboxEvents.NewEventId(time), ratingId, StaffConductTarget, method, window, request);
}
