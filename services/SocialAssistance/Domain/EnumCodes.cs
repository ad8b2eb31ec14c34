using System.Text.Json;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Enum values as the contract and a clerk spell them: CommunityReview -> COMMUNITY_REVIEW.</summary>
public static class EnumCodes
{
    public static string Code<T>(this T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
