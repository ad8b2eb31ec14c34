namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Who applies: the household itself, or a village or residents' committee on its behalf.</summary>
public enum ApplicantKind
{
    Unspecified = 0,
    Household = 1,
    Committee = 2,
}
