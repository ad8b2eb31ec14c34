namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>One entry of a case's history: what was done, by whom, and the status before and after. Never rewritten.</summary>
public sealed record CaseEvent(DateTimeOffset At, string Action, string By, ApplicationStatus From, ApplicationStatus To, string Note = "");
