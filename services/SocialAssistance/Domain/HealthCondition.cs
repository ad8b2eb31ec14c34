namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Disability or serious illness in the household shortens the review interval to six months.</summary>
public enum HealthCondition
{
    Unspecified = 0,
    Healthy = 1,
    Disability = 2,
    SeriousIllness = 3,
}
