namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The assistance programmes; a household is paid at most once a month per programme.</summary>
public enum Programme
{
    Unspecified = 0,
    Dibao = 1,
    ExtremePoverty = 2,
    Temporary = 3,
}
