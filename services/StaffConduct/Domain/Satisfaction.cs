namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A staff member's ratings for a period, from the feedback service: how many, and the share satisfied or better.</summary>
public sealed record SatisfactionFigure(int Ratings, double Rate);

/// <summary>The figure, or why it could not be had (the feedback service did not answer...).</summary>
public sealed record SatisfactionAnswer(SatisfactionFigure? Figure, string? Missing)
{
    public static SatisfactionAnswer Of(SatisfactionFigure figure) => new(figure, null);
    public static SatisfactionAnswer Unavailable(string why) => new(null, why);
}
