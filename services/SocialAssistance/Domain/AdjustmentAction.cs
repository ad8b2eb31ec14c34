namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a clerk does to an active case. Numbers match the contract.</summary>
public enum AdjustmentAction
{
    Unspecified = 0,
    Recalculate = 1,
    Suspend = 2,
    Resume = 3,
    Terminate = 4,
    /// <summary>Suitable work refused without good reason; the third time suspends the benefit.</summary>
    RecordWorkRefusal = 5,
}
