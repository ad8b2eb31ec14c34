using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>
/// How aggregates are written as documents, in both stores: camelCase JSON, enums by name, ID numbers in full
/// (exact lookups need them; they never leave the store unmasked).
/// </summary>
internal static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper), new ResidentIdNumberConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"an empty {typeof(T).Name} document");

    private sealed class ResidentIdNumberConverter : JsonConverter<ResidentIdNumber>
    {
        public override ResidentIdNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ResidentIdNumber.Parse(reader.GetString(), "stored id number");

        public override void Write(Utf8JsonWriter writer, ResidentIdNumber value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
