using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>Every enum by its SNAKE_CASE name ("COMMUNITY_REVIEW"), as the documents of earlier releases hold them.
/// Wrapped, as the source generator takes no naming policy for enums (the service does not run as native AOT).</summary>
internal sealed class UpperSnakeCaseEnumJson : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter ByName = new(JsonNamingPolicy.SnakeCaseUpper);

    public override bool CanConvert(Type typeToConvert) => ByName.CanConvert(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => ByName.CreateConverter(typeToConvert, options);
}
