namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>What a clerk does to an active case. Numbers match the contract.</summary>
public enum AdjustmentAction
{
    Unspecified = 0,
    Recalculate = 1,
    Suspend = 2,
    Resume = 3,
    Terminate = 4,
}
