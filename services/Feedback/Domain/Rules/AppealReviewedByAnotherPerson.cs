using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// A mistaken or malicious rating is reviewed by someone other than the person who appealed it and other than the
/// staff member it rates (DOMAIN.md, 好差评): otherwise a clerk could make his own bad rating disappear from the
/// published figures. Upholding and rejecting are both the review.
/// </summary>
public static class AppealReviewedByAnotherPerson
{
    public const string Rule = "appeal-reviewed-by-another-person";

    /// <summary>Refuses the review of <paramref name="rectification"/>'s pending appeal by <paramref name="reviewer"/>
    /// when the reviewer lodged the appeal or is the rated staff member.</summary>
    public static void Check(RectificationCase rectification, string reviewer)
    {
        var lodgedBy = rectification.Steps.LastOrDefault(s => s.Action == CaseAction.Appeal)?.HandledBy;
        if (Same(reviewer, lodgedBy))
            throw new RuleViolated(Rule,
                $"{reviewer} lodged the appeal of case {rectification.Id}: it is reviewed by someone other than the person who appealed");
        if (Same(reviewer, rectification.StaffId))
            throw new RuleViolated(Rule,
                $"{reviewer} is the staff member the rating of case {rectification.Id} is about: the appeal is reviewed by someone else");
    }

    /// <summary>Staff ids and names as clerks type them: the same person whatever the case or spaces around.</summary>
    private static bool Same(string reviewer, string? other) =>
        other is not null && string.Equals(reviewer.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);
}
