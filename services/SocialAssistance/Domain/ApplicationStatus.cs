namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where a dibao application stands in its process. Numbers match the contract.</summary>
public enum ApplicationStatus
{
    Unspecified = 0,
    Submitted = 1,
    Accepted = 2,
    Investigating = 3,
    CommunityReview = 4,
    Posted = 5,
    Active = 6,
    Refused = 7,
    Withdrawn = 8,
    Suspended = 9,
    Terminated = 10,
}
