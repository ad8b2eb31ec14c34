using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.StaffConduct.Domain;
using FeedbackV1 = CivilAffairs.Feedback.V1;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>Ratings, closes and complaints between the domain and the contract (levels and outcomes share numbers).</summary>
internal static class RatingMapping
{
    public static V1.RecordedRating ToContract(this ServiceRating r) => new()
    {
        RatingId = r.RatingId, StaffId = r.StaffId, Window = r.Window.ToContract(), Level = (FeedbackV1.RatingLevel)(int)r.Level,
        RatedOn = Dates.Format(r.RatedOn), Complaint = r.IsComplaint, RectificationCaseId = r.RectificationCaseId ?? "",
        RecordedAt = r.RecordedAt.ToTimestamp(),
    };

    public static V1.RectificationClosure ToContract(this Domain.RectificationClosure c) => new()
    {
        CaseId = c.CaseId, StaffId = c.StaffId, RatingId = c.RatingId, OnTime = c.OnTime, Outcome = (FeedbackV1.CaseOutcome)(int)c.Outcome,
        ClosedOn = Dates.Format(c.ClosedOn), RecordedAt = c.RecordedAt.ToTimestamp(),
    };

    public static V1.Complaint ToContract(this Domain.Complaint c) => new()
    {
        RatingId = c.Rating.RatingId, Window = c.Rating.Window.ToContract(), Level = (FeedbackV1.RatingLevel)(int)c.Rating.Level,
        RatedOn = Dates.Format(c.Rating.RatedOn), RectificationCaseId = c.Rating.RectificationCaseId ?? c.Closure?.CaseId ?? "",
        Closure = c.Closure?.ToContract(), Voided = c.Voided,
    };
}
