using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Whose ratings a summary counts: a window's, or one staff member's.</summary>
public abstract record RatingScope
{
    public sealed record OfWindow(Window Window) : RatingScope;

    public sealed record OfStaff(string StaffId) : RatingScope;
}
