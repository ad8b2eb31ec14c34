namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a reported change did to a case's benefit.</summary>
public enum AdjustmentKind
{
    Unspecified = 0,
    Increase = 1,
    Decrease = 2,
    Unchanged = 3,
    Suspension = 4,
    Resumption = 5,
    Termination = 6,
    /// <summary>The income rose above the standard through employment: the benefit continues for configured months.</summary>
    GradualExit = 7,
}

/// <summary>A change to an active case's benefit, with the figures before and after and the written reasons.</summary>
public sealed record BenefitAdjustment(DateOnly On, AdjustmentKind Kind, long BenefitBeforeFen, long BenefitAfterFen,
    string Reasons, string By, MeansTest? MeansTest = null)
{
    /// <summary>The first month the new amount applies to (a new standard's month), when not the month of the decision.</summary>
    public DateOnly? FromMonth { get; init; }
}
