using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

/// <summary>An appeal is reviewed by someone other than the person who lodged it and other than the rated staff member.</summary>
public sealed class AppealReviewedByAnotherPersonTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateTimeOffset At = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly FeedbackRules Rules = new();

    private static RectificationCase AppealedBy(string appellant)
    {
        var c = RectificationCase.OpenFor(
            new Rating("r-1", Window.MarriageRegistration, "clerk-wang", "svc-1", RatingLevel.VeryDissatisfied, null, RatingChannel.Web, At, Monday), Rules);
        c.Apply(CaseAction.Verify, "clerk-li", "called back", false, At, Monday, Rules);
        c.Apply(CaseAction.Appeal, appellant, "the citizen rated every window very dissatisfied", false, At, Monday, Rules);
        return c;
    }

    [Theory]
    [InlineData(CaseAction.UpholdAppeal)]
    [InlineData(CaseAction.RejectAppeal)]
    public void The_rated_clerk_cannot_review_the_appeal_of_his_own_rating(CaseAction review)
    {
        var c = AppealedBy("chief-zhao");

        var error = Assert.Throws<RuleViolated>(() => c.Apply(review, "clerk-wang", "malicious", false, At, Monday, Rules));

        Assert.Equal(AppealReviewedByAnotherPerson.Rule, error.Rule);
        Assert.Equal("appeal-reviewed-by-another-person", error.Rule);
        Assert.Contains("staff member", error.Message);
        Assert.Equal((CaseStage.AppealPending, CaseOutcome.None, 3), (c.Stage, c.Outcome, c.Steps.Count));
    }

    [Fact]
    public void The_person_who_appealed_cannot_uphold_his_own_appeal_whatever_the_case_of_his_name()
    {
        var c = AppealedBy("chief-zhao");

        var error = Assert.Throws<RuleViolated>(() => c.Apply(CaseAction.UpholdAppeal, " Chief-Zhao ", "upheld", false, At, Monday, Rules));

        Assert.Equal(AppealReviewedByAnotherPerson.Rule, error.Rule);
        Assert.Contains("lodged the appeal", error.Message);
        Assert.Equal(CaseStage.AppealPending, c.Stage);
    }

    [Fact]
    public void A_rated_clerk_who_appeals_has_it_reviewed_by_a_supervisor()
    {
        var c = AppealedBy("clerk-wang");

        Assert.Throws<RuleViolated>(() => c.Apply(CaseAction.UpholdAppeal, "clerk-wang", "upheld", false, At, Monday, Rules));
        c.Apply(CaseAction.UpholdAppeal, "supervisor-sun", "the same number rated ten windows in a minute", false, At, Monday, Rules);

        Assert.Equal((CaseStage.Closed, CaseOutcome.RatingVoided), (c.Stage, c.Outcome));
        Assert.Equal("supervisor-sun", c.Steps[^1].HandledBy);
    }
}
