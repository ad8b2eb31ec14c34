namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// What a new means test of an active case is computed with: the county's standards (a schedule reaching the standards
/// already published for later months), whether a rise of income comes from employment (gradual exit), and the members
/// now in the household (a member who left takes no cut share along).
/// </summary>
public sealed record Reassessment(IReadOnlyList<LocalStandard> Standards, bool IncomeFromEmployment, DibaoRules Rules,
    IReadOnlyList<string>? MemberIdNumbers = null)
{
    public static readonly Reassessment None = new([], false, new DibaoRules());
}
