namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The caseworker's home visit (入户调查).</summary>
public sealed record HomeVisit(DateOnly VisitedOn, string Notes, string CaseworkerId);
