namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a support-case write did.</summary>
public enum SupportWrite
{
    Done,
    /// <summary>Someone changed the case meanwhile; nothing written.</summary>
    Stale,
    /// <summary>The household already had this programme's payment for the month; nothing written.</summary>
    AlreadyPaid,
    /// <summary>The person already has an open extreme-poverty case; nothing written.</summary>
    AlreadyOpen,
}
