namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A bad rating on the conduct record, with the close of its rectification case once feedback reports it.</summary>
public sealed record Complaint(ServiceRating Rating, RectificationClosure? Closure)
{
    /// <summary>An upheld appeal voids the rating: it stays on the record, marked, and no longer counts.</summary>
    public bool Voided => Closure?.Outcome == RectificationOutcome.RatingVoided;
}
