namespace CivilAffairs.StaffConduct.Domain;

/// <summary>What the democratic appraisal meetings (民主评议大会) gave a window: how many meetings scored it, and the average.</summary>
public sealed record AppraisalFigure(int Meetings, double AverageScore);

/// <summary>The window's appraisal figure, none (no meeting scored it in the period), or why it could not be had.</summary>
public sealed record AppraisalAnswer(AppraisalFigure? Figure, string? Missing)
{
    public static readonly AppraisalAnswer NoMeeting = new(null, null);
    public static AppraisalAnswer Of(AppraisalFigure figure) => figure.Meetings > 0 ? new(figure, null) : NoMeeting;
    public static AppraisalAnswer Unavailable(string why) => new(null, why);
}
