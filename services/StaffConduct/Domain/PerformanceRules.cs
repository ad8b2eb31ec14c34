using System.Globalization;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// How the month's figures become a score (configuration section <c>StaffConduct:Performance</c>). Each component is
/// scored 0..100:
/// <list type="bullet">
/// <item>cases: cases handled as a share of the most any colleague of the window handled that month;</item>
/// <item>satisfaction: the share of ratings "satisfied" or better, from the feedback service, counted only from
/// <see cref="MinimumRatings"/> ratings;</item>
/// <item>commitments: kept over those due in the month (kept, broken or overdue);</item>
/// <item>conduct: <see cref="ConductBase"/> plus <see cref="CommendationPoints"/> per commendation, less
/// <see cref="ViolationPoints"/> per violation, kept within 0..100;</item>
/// <item>skills: the average contest score of the month as a share of the contests' maximum;</item>
/// <item>appraisal: the average score the democratic appraisal meetings gave the window over <see cref="AppraisalMonths"/>
/// months ending with the ranked one.</item>
/// </list>
/// The score is the weighted mean of the components that have figures: a component without figures (no cases
/// reported in the window, no ratings, no commitment due, no contest, or the feedback service not answering) is left
/// out and the other weights rescaled; a missing figure is reported, never invented.
/// Titles: 服务标兵 goes to the best score of the window, 岗位明星 to the best of each post (other than the 服务标兵),
/// both only to staff with no violation in the month and at least the configured minimum score, and only from a
/// ranking whose satisfaction figures are complete.
/// </summary>
public sealed class PerformanceRules
{
    public double CasesWeight { get; set; } = 0.30;
    public double SatisfactionWeight { get; set; } = 0.30;
    public double CommitmentsWeight { get; set; } = 0.15;
    public double ConductWeight { get; set; } = 0.15;
    public double SkillsWeight { get; set; } = 0.10;
    /// <summary>The democratic appraisal meetings' score of the window (the third of the three evaluations).</summary>
    public double AppraisalWeight { get; set; } = 0.10;
    /// <summary>How many months, ending with the ranked one, the appraisal meetings are taken from (a bureau holds a few a year).</summary>
    public int AppraisalMonths { get; set; } = 12;
    /// <summary>The fewest ratings from which a satisfaction rate counts (and is shown).</summary>
    public int MinimumRatings { get; set; } = 10;
    public double ConductBase { get; set; } = 90;
    public double CommendationPoints { get; set; } = 5;
    public double ViolationPoints { get; set; } = 15;
    public double ServiceModelMinScore { get; set; } = 80;
    public double PostStarMinScore { get; set; } = 70;

    public const string Cases = "cases";
    public const string Satisfaction = "satisfaction";
    public const string Commitments = "commitments";
    public const string Conduct = "conduct";
    public const string Skills = "skills";
    public const string Appraisal = "appraisal";

    public IReadOnlyList<(string Component, double Weight)> Weights =>
    [
        (Cases, CasesWeight), (Satisfaction, SatisfactionWeight), (Commitments, CommitmentsWeight), (Conduct, ConductWeight), (Skills, SkillsWeight), (Appraisal, AppraisalWeight),
    ];

    /// <summary>Refuses a configuration that cannot rank anybody (negative or all-zero weights).</summary>
    public PerformanceRules Validated()
    {
        if (Weights.Any(w => w.Weight < 0 || !double.IsFinite(w.Weight)) || Weights.Sum(w => w.Weight) <= 0)
            throw new InvalidOperationException("StaffConduct:Performance weights must be zero or more and not all zero");
        if (MinimumRatings < 1) throw new InvalidOperationException("StaffConduct:Performance:MinimumRatings must be at least 1");
        if (AppraisalMonths is < 1 or > 36) throw new InvalidOperationException("StaffConduct:Performance:AppraisalMonths must be 1 to 36");
        return this;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"score = weighted mean of the components that have figures: {string.Join(", ", Weights.Select(w => $"{w.Component} {w.Weight:0.##}"))}; " +
        $"satisfaction counted from {MinimumRatings} ratings; appraisal = the window's average appraisal-meeting score over {AppraisalMonths} month(s); " +
        $"conduct = {ConductBase:0.#} + {CommendationPoints:0.#} per commendation - {ViolationPoints:0.#} per violation (0..100); " +
        $"服务标兵: best score, at least {ServiceModelMinScore:0.#}, no violation; 岗位明星: best of each post, at least {PostStarMinScore:0.#}, no violation");
}
