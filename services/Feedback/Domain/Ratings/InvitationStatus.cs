namespace CivilAffairs.Feedback.Domain;

/// <summary>Where an invitation stands; derived, never stored: rated when a rating of its service exists.</summary>
public enum InvitationStatus
{
    Open = 1,
    Rated = 2,
    Expired = 3,
}
