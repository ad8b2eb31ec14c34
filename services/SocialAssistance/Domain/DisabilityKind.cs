namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The kind of disability on a member's disability certificate (残疾人证), graded 1 (most severe) to 4. Numbers match the contract.</summary>
public enum DisabilityKind
{
    Unspecified = 0,
    Visual = 1,
    Hearing = 2,
    Speech = 3,
    Physical = 4,
    Intellectual = 5,
    Mental = 6,
    Multiple = 7,
}
