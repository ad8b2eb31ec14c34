namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A refusal with its written reasons, to be notified in writing by <see cref="NotifyBy"/>.</summary>
public sealed record Refusal(DateOnly RefusedOn, string Reasons, string RefusedBy, DateOnly NotifyBy, DateOnly? NotifiedOn = null);
