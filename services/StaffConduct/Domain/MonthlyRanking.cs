namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Numbers match <c>civilaffairs.staffconduct.v1.MonthlyTitle</c>.</summary>
public enum MonthlyTitle
{
    ServiceModel = 1, // 服务标兵
    PostStar = 2,     // 岗位明星
}

/// <summary>The figures behind a score. A figure that could not be had is 0 here and named in the line's missing figures.</summary>
public sealed record PerformanceFigures(
    int CasesHandled,
    int Ratings,
    double SatisfactionRate,
    int CommitmentsDue,
    int CommitmentsKept,
    int CommitmentsBroken,
    int CommitmentsOverdue,
    int Commendations,
    int Violations,
    int Contests,
    double ContestScorePercent)
{
    /// <summary>False when the satisfaction rate was not counted (fewer ratings than the minimum); the rate is 0 then.</summary>
    public bool SatisfactionCounted { get; init; }
    public int AppraisalMeetings { get; init; }
    public double AppraisalScore { get; init; }
}

public sealed record ComponentScore(string Component, double Weight, double Score, bool Available);

public sealed record RankingLine(
    int Rank,
    StaffMember Staff,
    double Score,
    PerformanceFigures Figures,
    IReadOnlyList<ComponentScore> Components,
    IReadOnlyList<string> MissingFigures,
    IReadOnlyList<MonthlyTitle> Titles)
{
    /// <summary>What the reader should know about the figures that is not missing (e.g. too few ratings to count).</summary>
    public IReadOnlyList<string> Remarks { get; init; } = [];
}

public sealed record TitleAward(MonthlyTitle Title, RankingLine Line, string Basis);

/// <summary>A window's ranking for a month, best first, with the titles and what could not be counted.</summary>
public sealed record MonthlyRanking(
    Window Window,
    Month Month,
    IReadOnlyList<RankingLine> Lines,
    IReadOnlyList<TitleAward> Titles,
    IReadOnlyList<string> MissingFigures,
    IReadOnlyList<string> TitlesWithheld,
    string Weighting)
{
    public bool Complete => MissingFigures.Count == 0;

    /// <summary>Set when the month is closed: the version read, as published (null for a month still open).</summary>
    public Publication? Publication { get; init; }
}

/// <summary>A published version of a closed month: 1 when it was closed, then one per correction, with its reason.</summary>
public sealed record Publication(int Version, int LatestVersion, string Reason, string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>What the month holds for one staff member, before scoring.</summary>
public sealed record MonthInputs(
    StaffMember Staff,
    int CasesHandled,
    SatisfactionAnswer Satisfaction,
    IReadOnlyList<Commitment> CommitmentsDue,
    IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<double> ContestPercents,
    AppraisalAnswer? Appraisal = null);
