using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace CivilAffairs.Gateway.OpenApi;

/// <summary>JSON schemas of proto messages in the proto3 JSON mapping (lowerCamel names, 64-bit integers as strings,
/// enums by name, Timestamp as RFC 3339 text), collected as components while the document is built.</summary>
internal sealed class Schemas
{
    public JsonObject All { get; } = new();

    public JsonObject Ref(MessageDescriptor message)
    {
        if (WellKnown(message) is { } known) return known;
        if (!All.ContainsKey(message.FullName))
        {
            var properties = new JsonObject();
            All[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
            foreach (var field in message.Fields.InFieldNumberOrder()) properties[field.JsonName] = Of(field);
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{message.FullName}" };
    }

    public JsonObject Of(FieldDescriptor field)
    {
        if (field.IsMap)
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(field.MessageType.FindFieldByNumber(2)) };
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = Single(field) } : Single(field);
    }

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => Ref(field.MessageType),
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)!).ToArray()),
        },
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.Double or FieldType.Float => new JsonObject { ["type"] = "number" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 =>
            new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        _ => new JsonObject { ["type"] = "string" },
    };

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["example"] = "3.5s" },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.StringValue" => new JsonObject { ["type"] = "string", ["nullable"] = true },
        "google.protobuf.Int32Value" => new JsonObject { ["type"] = "integer", ["nullable"] = true },
        "google.protobuf.BoolValue" => new JsonObject { ["type"] = "boolean", ["nullable"] = true },
        _ => null,
    };

    /// <summary>A service's refusal as transcoding writes it: gRPC code, message, google.rpc details.</summary>
    public JsonObject Status()
    {
        All.TryAdd("google.rpc.Status", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer" },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["details"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
            },
        });
        return new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.Status" };
    }

    /// <summary>The gateway's own refusals (RFC 9457 problem details).</summary>
    public JsonObject Problem()
    {
        All.TryAdd("ProblemDetails", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string" },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "integer" },
                ["detail"] = new JsonObject { ["type"] = "string" },
                ["traceId"] = new JsonObject { ["type"] = "string" },
            },
        });
        return new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" };
    }
}
