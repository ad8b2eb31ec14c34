using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace CivilAffairs.Gateway.OpenApi;

/// <summary>JSON schemas of proto messages in the proto3 JSON mapping (lowerCamel names, 64-bit integers as strings,
/// enums by name, Timestamp as RFC 3339 text), added to the document's components while it is built.</summary>
internal sealed class Schemas(OpenApiDocument document)
{
    private IDictionary<string, IOpenApiSchema> All => document.Components!.Schemas!;

    public IOpenApiSchema Ref(MessageDescriptor message)
    {
        if (WellKnown(message) is { } known) return known;
        if (!All.ContainsKey(message.FullName))
        {
            var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            All[message.FullName] = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties };
            foreach (var field in message.Fields.InFieldNumberOrder()) properties[field.JsonName] = Of(field);
        }
        return new OpenApiSchemaReference(message.FullName, document);
    }

    public IOpenApiSchema Of(FieldDescriptor field)
    {
        if (field.IsMap)
            return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Single(field.MessageType.FindFieldByNumber(2)) };
        return field.IsRepeated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Single(field) } : Single(field);
    }

    private IOpenApiSchema Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => Ref(field.MessageType),
        FieldType.Enum => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)).ToList(),
        },
        FieldType.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        FieldType.Double or FieldType.Float => new OpenApiSchema { Type = JsonSchemaType.Number },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 =>
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "int64" },
        FieldType.Bytes => new OpenApiSchema { Type = JsonSchemaType.String, Format = "byte" },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        "google.protobuf.Duration" => new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("3.5s")] },
        "google.protobuf.Empty" => new OpenApiSchema { Type = JsonSchemaType.Object },
        "google.protobuf.StringValue" => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        "google.protobuf.Int32Value" => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
        "google.protobuf.BoolValue" => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null },
        _ => null,
    };

    /// <summary>A service's refusal as transcoding writes it: gRPC code, message, google.rpc details.</summary>
    public IOpenApiSchema Status() => Shared("google.rpc.Status", new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["details"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
        },
    });

    /// <summary>The gateway's own refusals (RFC 9457 problem details).</summary>
    public IOpenApiSchema Problem() => Shared("ProblemDetails", new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["requiredScope"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    });

    private OpenApiSchemaReference Shared(string name, OpenApiSchema schema)
    {
        All.TryAdd(name, schema);
        return new OpenApiSchemaReference(name, document);
    }
}
