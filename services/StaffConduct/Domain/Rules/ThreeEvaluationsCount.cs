namespace CivilAffairs.StaffConduct.Domain.Rules;

/// <summary>
/// The three evaluations (三评) all count in the month's score, each with its configured weight: the public's ratings
/// (satisfaction, from the feedback service), the appointed evaluators' inspection reports (the conduct component:
/// commendations and violations recorded against the conduct code), and the democratic appraisal meetings' score of
/// the window (from the feedback service, meetings of the configured look-back). An evaluation without figures is left
/// out and the other weights rescaled; one that could not be had is named as missing.
/// </summary>
public static class ThreeEvaluationsCount
{
    public sealed record Evaluations(IReadOnlyList<ComponentScore> Components, IReadOnlyList<string> Missing, IReadOnlyList<string> Remarks,
        SatisfactionFigure? CountedSatisfaction);

    public static Evaluations Of(PerformanceRules rules, SatisfactionAnswer satisfaction, IReadOnlyList<Inspection> inspections,
        AppraisalAnswer appraisal)
    {
        var missing = new List<string>();
        var remarks = new List<string>();
        if (satisfaction.Missing is { } why) missing.Add($"{PerformanceRules.Satisfaction}: {why}");
        if (SatisfactionNeedsMinimumRatings.Remark(rules, satisfaction.Figure) is { } below) remarks.Add(below);
        if (appraisal.Missing is { } notHad) missing.Add($"{PerformanceRules.Appraisal}: {notHad}");

        var counted = SatisfactionNeedsMinimumRatings.Counts(rules, satisfaction.Figure) ? satisfaction.Figure : null;
        var commendations = inspections.Count(i => i.Kind == InspectionKind.Commendation);
        var violations = inspections.Count(i => i.Kind == InspectionKind.Violation);
        var components = new List<ComponentScore>
        {
            PerformanceScoring.Component(PerformanceRules.Satisfaction, rules.SatisfactionWeight, counted is not null, 100 * (counted?.Rate ?? 0)),
            PerformanceScoring.Component(PerformanceRules.Conduct, rules.ConductWeight, true,
                Math.Clamp(rules.ConductBase + rules.CommendationPoints * commendations - rules.ViolationPoints * violations, 0, 100)),
            PerformanceScoring.Component(PerformanceRules.Appraisal, rules.AppraisalWeight, appraisal.Figure is not null,
                Math.Clamp(appraisal.Figure?.AverageScore ?? 0, 0, 100)),
        };
        return new Evaluations(components, missing, remarks, counted);
    }
}
