namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The process's time limits (社会救助暂行办法 and local rules), configurable under <c>Assistance:Process</c>.</summary>
public sealed record DibaoRules
{
    /// <summary>Calendar days the list is publicly posted (公示), the first day included.</summary>
    public int PostingDays { get; init; } = 7;
    /// <summary>Working days after the posting ends within which the case is confirmed or refused.</summary>
    public int ConfirmWithinWorkingDays { get; init; } = 10;
    /// <summary>Working days within which a refusal is notified in writing.</summary>
    public int RefusalNoticeWorkingDays { get; init; } = 3;
    /// <summary>Overall time limit from acceptance, in working days, and the limit once extended with a reason.</summary>
    public int OverallWorkingDays { get; init; } = 25;
    public int ExtendedWorkingDays { get; init; } = 40;
    /// <summary>How much of a member's share is cut after three consecutive refusals of suitable work (100: stopped).</summary>
    public int WorkRefusalShareCutPercent { get; init; } = 100;
    /// <summary>Gradual exit (渐退): months the benefit continues once employment lifts the income above the standard.</summary>
    public int GradualExitMonths { get; init; } = 6;
}
