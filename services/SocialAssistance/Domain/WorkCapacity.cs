namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A member's capacity to work, as assessed: it decides how often a case is reviewed and who is 特困.</summary>
public enum WorkCapacity
{
    Unspecified = 0,
    Full = 1,
    Partial = 2,
    None = 3,
}
