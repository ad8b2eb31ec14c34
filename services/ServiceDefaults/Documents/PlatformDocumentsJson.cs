using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>The JSON shapes of the platform's own documents: outbox messages and idempotency records.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Outbox.OutboxRecord))]
[JsonSerializable(typeof(Idempotency.IdempotencyRecord))]
internal sealed partial class PlatformDocumentsJson : JsonSerializerContext;
