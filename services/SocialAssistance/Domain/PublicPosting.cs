namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The public posting (公示) of a case: from its first to its last day, with the objections lodged.</summary>
public sealed record PublicPosting(DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<Objection> Objections)
{
    public bool IsOpenOn(DateOnly day) => day >= StartsOn && day <= EndsOn;
}
