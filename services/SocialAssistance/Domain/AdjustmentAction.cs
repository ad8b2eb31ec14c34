namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a clerk does to an active case. Numbers match the contract.</summary>
public enum AdjustmentAction
{
    Unspecified = 0,
    Recalculate = 1,
    Suspend = 2,
    Resume = 3,
    Terminate = 4,
    /// <summary>Suitable work refused by a member without good reason; the third time in a row cuts that member's share.</summary>
    RecordWorkRefusal = 5,
    /// <summary>A member accepted suitable work: the count of refusals starts again.</summary>
    RecordJobAccepted = 6,
}
