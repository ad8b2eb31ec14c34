using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>An ID number in a document: in full, since exact lookups need it (it never leaves the store unmasked).</summary>
internal sealed class ResidentIdNumberJson : JsonConverter<ResidentIdNumber>
{
    public override ResidentIdNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ResidentIdNumber.Parse(reader.GetString(), "stored id number");

    public override void Write(Utf8JsonWriter writer, ResidentIdNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
