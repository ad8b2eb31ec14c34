namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Opaque record ids with a prefix saying what they name (never derived from a person's ID number).</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
