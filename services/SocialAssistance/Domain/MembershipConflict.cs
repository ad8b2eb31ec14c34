namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The member (by position in the household) who already belongs to another active household.</summary>
public sealed record MembershipConflict(int MemberIndex);
