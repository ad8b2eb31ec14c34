namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>One entry of a support case's history. Never rewritten.</summary>
public sealed record SupportEvent(DateTimeOffset At, string Action, string By, string Note = "");
