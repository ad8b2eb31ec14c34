using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct.Tests.Domain;

public class PerformanceScoringTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Month November = new(2026, 11);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private static StaffMember Staff(string badge, string post = "登记员") =>
        new(badge, new StaffProfile(badge, badge, "a.jpg", Window.MarriageRegistration, "o", post, [], true), Now, 1);

    private static Inspection Observed(StaffMember m, InspectionKind kind) =>
        new(Ids.New(), m.Id, m.Profile.Window, "T-01", ConductPart.Attitude, "x", kind, "i", "e", Today, Now);

    private static MonthInputs Inputs(StaffMember m, int cases = 0, SatisfactionAnswer? satisfaction = null,
        IReadOnlyList<Inspection>? inspections = null, IReadOnlyList<double>? contests = null, IReadOnlyList<Commitment>? due = null) =>
        new(m, cases, satisfaction ?? SatisfactionAnswer.Of(new SatisfactionFigure(0, 0)), due ?? [], inspections ?? [], contests ?? []);

    private static MonthlyRanking Rank(params MonthInputs[] inputs) =>
        PerformanceScoring.Rank(new PerformanceRules(), Window.MarriageRegistration, November, Today, inputs);

    [Fact]
    public void Only_components_with_figures_count_and_their_weights_are_rescaled()
    {
        // Cases 100 (only person) and conduct 90: (0.3*100 + 0.15*90) / 0.45.
        var line = Assert.Single(Rank(Inputs(Staff("A"), cases: 5)).Lines);
        Assert.Equal(96.67, line.Score);
        Assert.Equal(["cases", "conduct"], line.Components.Where(c => c.Available).Select(c => c.Component));
    }

    [Fact]
    public void Conduct_moves_with_commendations_and_violations_within_0_to_100()
    {
        var a = Staff("A");
        var b = Staff("B");
        var ranking = Rank(
            Inputs(a, inspections: [Observed(a, InspectionKind.Commendation), Observed(a, InspectionKind.Commendation), Observed(a, InspectionKind.Commendation)]),
            Inputs(b, inspections: Enumerable.Range(0, 7).Select(_ => Observed(b, InspectionKind.Violation)).ToList()));
        Assert.Equal([100.0, 0.0], ranking.Lines.Select(l => l.Components.Single(c => c.Component == "conduct").Score));
    }

    [Fact]
    public void Equal_scores_share_a_rank()
    {
        var ranking = Rank(Inputs(Staff("A"), cases: 5), Inputs(Staff("B"), cases: 5), Inputs(Staff("C"), cases: 1));
        Assert.Equal([1, 1, 3], ranking.Lines.Select(l => l.Rank));
    }

    [Fact]
    public void A_missing_satisfaction_figure_is_reported_not_invented_and_titles_are_withheld()
    {
        var ranking = Rank(Inputs(Staff("A"), cases: 5, satisfaction: SatisfactionAnswer.Unavailable("the feedback service did not answer (Unavailable)")));
        Assert.False(ranking.Complete);
        Assert.Equal(["A: satisfaction: the feedback service did not answer (Unavailable)"], ranking.MissingFigures);
        Assert.Empty(ranking.Titles);
        Assert.NotEmpty(ranking.TitlesWithheld);
    }

    [Fact]
    public void A_violation_in_the_month_keeps_the_best_score_from_a_title()
    {
        var best = Staff("A");
        var ranking = Rank(
            Inputs(best, cases: 10, inspections: [Observed(best, InspectionKind.Violation)], contests: [100]),
            Inputs(Staff("B"), cases: 9, contests: [90]));
        Assert.Equal("A", ranking.Lines[0].Staff.Id);
        var model = Assert.Single(ranking.Titles, t => t.Title == MonthlyTitle.ServiceModel);
        Assert.Equal("B", model.Line.Staff.Id);
    }

    [Fact]
    public void Each_post_has_its_star_other_than_the_service_model()
    {
        var ranking = Rank(
            Inputs(Staff("A", "登记员"), cases: 10),
            Inputs(Staff("B", "登记员"), cases: 9),
            Inputs(Staff("C", "颁证员"), cases: 8));
        Assert.Equal([(MonthlyTitle.ServiceModel, "A"), (MonthlyTitle.PostStar, "B"), (MonthlyTitle.PostStar, "C")],
            ranking.Titles.Select(t => (t.Title, t.Line.Staff.Id)));
        Assert.Contains("登记员", ranking.Titles[1].Basis);
    }

    [Fact]
    public void Commitments_count_kept_over_due_and_not_yet_due_ones_are_left_out()
    {
        var a = Staff("A");
        Commitment Due(DateOnly deadline, bool? kept) => new(Ids.New(), a.Id, a.Profile.Window, "x", deadline, Now,
            kept is { } k ? new CommitmentOutcome(k, "e", "r", Now) : null);
        var line = Assert.Single(Rank(Inputs(a, due: [Due(Today.AddDays(-5), true), Due(Today.AddDays(-4), null), Due(Today.AddDays(5), null)])).Lines);
        Assert.Equal((2, 1, 0, 1), (line.Figures.CommitmentsDue, line.Figures.CommitmentsKept, line.Figures.CommitmentsBroken, line.Figures.CommitmentsOverdue));
        Assert.Equal(50, line.Components.Single(c => c.Component == "commitments").Score);
    }

    [Fact]
    public void A_configuration_with_no_weight_is_refused()
    {
        var rules = new PerformanceRules { CasesWeight = 0, SatisfactionWeight = 0, CommitmentsWeight = 0, ConductWeight = 0, SkillsWeight = 0, AppraisalWeight = 0 };
        Assert.Throws<InvalidOperationException>(() => rules.Validated());
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData(" 2027-02 ", 2027, 2)]
    public void A_month_is_read_as_YYYY_MM(string text, int year, int number)
    {
        var month = Month.Parse(text, "month");
        Assert.Equal((year, number), (month.Year, month.Number));
        Assert.Equal(new DateOnly(year, number, 1).AddMonths(1).AddDays(-1), month.Last);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("")]
    public void A_month_that_is_not_YYYY_MM_names_its_field(string text) =>
        Assert.Equal("month", Assert.Single(Assert.Throws<ValidationFailed>(() => Month.Parse(text, "month")).Violations).Field);
}
