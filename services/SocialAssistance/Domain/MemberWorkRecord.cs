namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// A member's record of suitable work offered: refusals without good reason in a row (an accepted job starts the count
/// again), and whether the third cut that member's share. The ID number is kept in full to find the member again in
/// the household; it leaves the service masked only.
/// </summary>
public sealed record MemberWorkRecord(string IdNumber, string Name, int ConsecutiveRefusals, bool ShareCut, DateOnly? ShareCutOn = null);
