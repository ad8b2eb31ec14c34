namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>How a person in extreme poverty is cared for: in an institution (集中供养) or at home (分散供养).</summary>
public enum CareMode
{
    Unspecified = 0,
    Institutional = 1,
    Home = 2,
}
