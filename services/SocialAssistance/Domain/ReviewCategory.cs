namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>How often an active case is reviewed (复核), from the household's members.</summary>
public enum ReviewCategory
{
    Unspecified = 0,
    /// <summary>Someone can work: every three months.</summary>
    Quarterly = 1,
    /// <summary>Nobody can work and someone is disabled or seriously ill: every six months.</summary>
    SixMonthly = 2,
    /// <summary>Nobody can work: once a year.</summary>
    Yearly = 3,
}

public static class ReviewCategories
{
    public static ReviewCategory Of(Household household) =>
        household.Members.Any(m => m.CanWork) ? ReviewCategory.Quarterly
        : household.Members.Any(m => m.DisabledOrSeriouslyIll) ? ReviewCategory.SixMonthly
        : ReviewCategory.Yearly;

    public static int Months(this ReviewCategory category) => category switch
    {
        ReviewCategory.Quarterly => 3,
        ReviewCategory.SixMonthly => 6,
        _ => 12,
    };
}
