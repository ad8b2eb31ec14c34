namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Why extreme-poverty support is suspended or stopped (特困人员认定办法). Numbers match the contract.</summary>
public enum SupportEndGround
{
    Unspecified = 0,
    Death = 1,
    RecoveredCapacity = 2,
    /// <summary>Income or assets now above the limits.</summary>
    Income = 3,
    MovedAway = 4,
    /// <summary>Another ground, written in the reasons (e.g. a supporter able to support found).</summary>
    Other = 5,
}
