using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Rules;

namespace CivilAffairs.StaffConduct.Tests.Domain;

/// <summary>The three evaluations (三评) in the month's score, and when a satisfaction rate counts.</summary>
public class ThreeEvaluationsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private static StaffMember Staff(string badge) =>
        new(badge, new StaffProfile(badge, badge, "a.jpg", Window.MarriageRegistration, "o", "登记员", [], true), Now, 1);

    private static Inspection Commendation(StaffMember m) =>
        new(Ids.New(), m.Id, m.Profile.Window, "T-01", ConductPart.Attitude, "x", InspectionKind.Commendation, "行风评议员", "e", Today, Now);

    /// <summary>Only the three evaluations weigh, as configured: satisfaction 90 (20 ratings), conduct 95, appraisal 80.</summary>
    private static RankingLine LineWith(double satisfaction, double conduct, double appraisal)
    {
        var rules = new PerformanceRules
        {
            CasesWeight = 0, CommitmentsWeight = 0, SkillsWeight = 0,
            SatisfactionWeight = satisfaction, ConductWeight = conduct, AppraisalWeight = appraisal,
        }.Validated();
        var a = Staff("A");
        var inputs = new MonthInputs(a, 5, SatisfactionAnswer.Of(new SatisfactionFigure(20, 0.9)), [], [Commendation(a)], [],
            AppraisalAnswer.Of(new AppraisalFigure(2, 80)));
        return Assert.Single(PerformanceScoring.Rank(rules, Window.MarriageRegistration, new Month(2026, 11), Today, [inputs]).Lines);
    }

    [Fact]
    public void ThreeEvaluationsCount_the_public_the_evaluators_and_the_appraisal_meetings_each_with_its_configured_weight()
    {
        var line = LineWith(satisfaction: 0.5, conduct: 0.3, appraisal: 0.2);
        Assert.Equal([("satisfaction", 90.0, 0.5), ("conduct", 95.0, 0.3), ("appraisal", 80.0, 0.2)],
            line.Components.Where(c => c.Available && c.Weight > 0).Select(c => (c.Component, c.Score, c.Weight)));
        Assert.Equal(89.5, line.Score); // 0.5*90 + 0.3*95 + 0.2*80
        Assert.Equal((2, 80.0), (line.Figures.AppraisalMeetings, line.Figures.AppraisalScore));

        // Other weights in configuration, another score from the same month.
        Assert.Equal(86.0, LineWith(satisfaction: 0.3, conduct: 0.2, appraisal: 0.5).Score); // 27 + 19 + 40
    }

    [Fact]
    public void ThreeEvaluationsCount_an_appraisal_score_that_could_not_be_had_is_missing_and_a_year_without_meeting_is_left_out()
    {
        var rules = new PerformanceRules();
        var a = Staff("A");
        var satisfied = SatisfactionAnswer.Of(new SatisfactionFigure(20, 0.9));

        var unanswered = ThreeEvaluationsCount.Of(rules, satisfied, [], AppraisalAnswer.Unavailable("the feedback service did not answer (Unavailable)"));
        Assert.Equal(["appraisal: the feedback service did not answer (Unavailable)"], unanswered.Missing);
        Assert.False(unanswered.Components.Single(c => c.Component == "appraisal").Available);

        var noMeeting = PerformanceScoring.Rank(rules, Window.MarriageRegistration, new Month(2026, 11), Today,
            [new MonthInputs(a, 5, satisfied, [], [], [], AppraisalAnswer.Of(new AppraisalFigure(0, 0)))]);
        Assert.True(noMeeting.Complete);
        Assert.False(noMeeting.Lines[0].Components.Single(c => c.Component == "appraisal").Available);
    }

    [Fact]
    public void SatisfactionNeedsMinimumRatings_one_very_satisfied_rating_is_not_a_satisfaction_of_100_percent()
    {
        var rules = new PerformanceRules { MinimumRatings = 10 };
        var a = Staff("A");
        MonthlyRanking RankWith(int ratings, double rate) => PerformanceScoring.Rank(rules, Window.MarriageRegistration, new Month(2026, 11), Today,
            [new MonthInputs(a, 5, SatisfactionAnswer.Of(new SatisfactionFigure(ratings, rate)), [], [], [])]);

        var one = RankWith(1, 1.0);
        var line = one.Lines[0];
        Assert.False(line.Components.Single(c => c.Component == "satisfaction").Available);
        Assert.Equal((1, 0.0, false), (line.Figures.Ratings, line.Figures.SatisfactionRate, line.Figures.SatisfactionCounted));
        Assert.Equal(["satisfaction: 1 rating(s), fewer than the 10 a satisfaction rate needs; not counted"], line.Remarks);
        Assert.True(one.Complete); // too few ratings is not a missing figure: the month can still be ranked and titled

        var ten = RankWith(10, 0.9).Lines[0];
        Assert.True(ten.Components.Single(c => c.Component == "satisfaction").Available);
        Assert.Equal((0.9, true), (ten.Figures.SatisfactionRate, ten.Figures.SatisfactionCounted));
        Assert.Empty(ten.Remarks);
    }

    [Fact]
    public void A_minimum_of_no_rating_is_refused_by_the_configuration() =>
        Assert.Throws<InvalidOperationException>(() => new PerformanceRules { MinimumRatings = 0 }.Validated());

    [Fact]
    public void MonthClosesAfterItEnds_november_closes_from_the_first_of_december()
    {
        var november = new Month(2026, 11);
        Assert.Equal("month-not-ended", Assert.Throws<RuleViolated>(() => MonthClosesAfterItEnds.Check(november, new DateOnly(2026, 11, 30))).Rule);
        MonthClosesAfterItEnds.Check(november, new DateOnly(2026, 12, 1));
    }

    [Theory]
    [InlineData("9999-12", 9999, 12, 31)]
    [InlineData("1900-01", 1900, 1, 31)]
    public void The_last_month_of_the_calendar_has_a_last_day(string text, int year, int number, int lastDay) =>
        Assert.Equal(new DateOnly(year, number, lastDay), Month.Parse(text, "month").Last);

    [Theory]
    [InlineData("0001-01")]
    [InlineData("1899-12")]
    public void A_month_before_1900_names_its_field(string text) =>
        Assert.Equal("month", Assert.Single(Assert.Throws<ValidationFailed>(() => Month.Parse(text, "month")).Violations).Field);
}
