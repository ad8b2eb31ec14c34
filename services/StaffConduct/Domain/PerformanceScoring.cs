using CivilAffairs.StaffConduct.Domain.Rules;

namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Turns a month's inputs into scores, ranks and titles by the <see cref="PerformanceRules"/>. Pure.</summary>
public static class PerformanceScoring
{
    public static MonthlyRanking Rank(PerformanceRules rules, Window window, Month month, DateOnly today, IReadOnlyList<MonthInputs> inputs)
    {
        var mostCases = inputs.Count == 0 ? 0 : inputs.Max(i => i.CasesHandled);
        var scored = inputs.Select(i => Score(rules, i, mostCases, today)).ToList();
        var ordered = scored
            .OrderByDescending(l => l.Score)
            .ThenBy(l => l.Staff.Profile.BadgeNumber, StringComparer.Ordinal)
            .Select(l => l with { Rank = 1 + scored.Count(o => o.Score > l.Score) })
            .ToList();

        var missing = ordered.SelectMany(l => l.MissingFigures.Select(m => $"{l.Staff.Profile.BadgeNumber}: {m}")).ToList();
        var (titles, withheld) = AwardTitles(rules, ordered, missing.Count == 0);
        var titled = ordered.Select(l => l with { Titles = titles.Where(t => t.Line.Staff.Id == l.Staff.Id).Select(t => t.Title).ToList() }).ToList();
        return new MonthlyRanking(window, month, titled,
            titles.Select(t => t with { Line = titled.First(l => l.Staff.Id == t.Line.Staff.Id) }).ToList(),
            missing, withheld, rules.Describe());
    }

    private static RankingLine Score(PerformanceRules rules, MonthInputs input, int mostCases, DateOnly today)
    {
        var kept = input.CommitmentsDue.Count(c => c.StatusOn(today) == CommitmentStatus.Kept);
        var broken = input.CommitmentsDue.Count(c => c.StatusOn(today) == CommitmentStatus.Broken);
        var overdue = input.CommitmentsDue.Count(c => c.StatusOn(today) == CommitmentStatus.Overdue);
        var due = kept + broken + overdue;
        var commendations = input.Inspections.Count(i => i.Kind == InspectionKind.Commendation);
        var violations = input.Inspections.Count(i => i.Kind == InspectionKind.Violation);
        var contestPercent = input.ContestPercents.Count == 0 ? 0 : input.ContestPercents.Average();
        var evaluations = ThreeEvaluationsCount.Of(rules, input.Satisfaction, input.Inspections, input.Appraisal ?? AppraisalAnswer.NoMeeting);
        var byName = evaluations.Components.ToDictionary(c => c.Component);

        var components = new List<ComponentScore>
        {
            Component(PerformanceRules.Cases, rules.CasesWeight, mostCases > 0, mostCases > 0 ? 100.0 * input.CasesHandled / mostCases : 0),
            byName[PerformanceRules.Satisfaction],
            Component(PerformanceRules.Commitments, rules.CommitmentsWeight, due > 0, due > 0 ? 100.0 * kept / due : 0),
            byName[PerformanceRules.Conduct],
            Component(PerformanceRules.Skills, rules.SkillsWeight, input.ContestPercents.Count > 0, contestPercent),
            byName[PerformanceRules.Appraisal],
        };
        var score = WeightedMean(components);

        var shown = input.Satisfaction.Figure;
        var counted = evaluations.CountedSatisfaction;
        var appraisal = input.Appraisal?.Figure;
        var figures = new PerformanceFigures(input.CasesHandled, shown?.Ratings ?? 0, counted?.Rate ?? 0, due, kept, broken, overdue,
            commendations, violations, input.ContestPercents.Count, Math.Round(contestPercent, 2))
        {
            SatisfactionCounted = counted is not null,
            AppraisalMeetings = appraisal?.Meetings ?? 0,
            AppraisalScore = Math.Round(appraisal?.AverageScore ?? 0, 2),
        };
        return new RankingLine(0, input.Staff, score, figures, components, evaluations.Missing, []) { Remarks = evaluations.Remarks };
    }

    /// <summary>The weighted mean of the components that have figures (the others left out, the weights rescaled), 0..100.</summary>
    public static double WeightedMean(IReadOnlyList<ComponentScore> components)
    {
        var counted = components.Where(c => c.Available && c.Weight > 0).ToList();
        var weight = counted.Sum(c => c.Weight);
        return weight > 0 ? Math.Round(counted.Sum(c => c.Weight * c.Score) / weight, 2) : 0;
    }

    internal static ComponentScore Component(string name, double weight, bool available, double score) =>
        new(name, weight, available ? Math.Round(score, 2) : 0, available);

    private static (List<TitleAward> Titles, List<string> Withheld) AwardTitles(PerformanceRules rules, IReadOnlyList<RankingLine> lines, bool complete)
    {
        var titles = new List<TitleAward>();
        var withheld = new List<string>();
        if (lines.Count == 0) return (titles, withheld);
        if (!complete)
        {
            withheld.Add("服务标兵 and 岗位明星 are not awarded: satisfaction or appraisal figures are missing (see missing_figures); ask again when the feedback service answers");
            return (titles, withheld);
        }

        var model = lines.Where(l => l.Figures.Violations == 0 && l.Score >= rules.ServiceModelMinScore).ToList();
        if (model.Count == 0)
            withheld.Add($"服务标兵: nobody reached {rules.ServiceModelMinScore:0.#} without a violation this month");
        else
            titles.AddRange(model.Where(l => l.Score == model[0].Score).Select(l => new TitleAward(MonthlyTitle.ServiceModel, l,
                $"best score of the window ({l.Score:0.##}), at least {rules.ServiceModelMinScore:0.#}, no violation this month")));

        foreach (var post in lines.GroupBy(l => l.Staff.Profile.Post))
        {
            var eligible = post.Where(l => l.Figures.Violations == 0 && l.Score >= rules.PostStarMinScore &&
                                           titles.All(t => t.Line.Staff.Id != l.Staff.Id)).ToList();
            if (eligible.Count == 0)
            {
                withheld.Add($"岗位明星 ({post.Key}): nobody else reached {rules.PostStarMinScore:0.#} without a violation this month");
                continue;
            }
            titles.AddRange(eligible.Where(l => l.Score == eligible[0].Score).Select(l => new TitleAward(MonthlyTitle.PostStar, l,
                $"best score of post {post.Key} ({l.Score:0.##}), at least {rules.PostStarMinScore:0.#}, no violation this month")));
        }
        return (titles, withheld);
    }
}
