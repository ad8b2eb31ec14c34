using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A reported case time in the <c>service_times</c> collection, keyed by the event id.</summary>
internal sealed class ServiceTimeDocument
{
    [BsonId] public string EventId { get; set; } = "";
    [BsonElement("item_id")] public string ItemId { get; set; } = "";
    [BsonElement("completed_on")] public string CompletedOn { get; set; } = "";
    [BsonElement("month")] public string Month { get; set; } = "";
    [BsonElement("elapsed")] public int Elapsed { get; set; }
    [BsonElement("promised_value")] public int PromisedValue { get; set; }
    [BsonElement("promised_unit")] public int PromisedUnit { get; set; }
    [BsonElement("within_promise")] public bool WithinPromise { get; set; }
    [BsonElement("received_at")] public DateTime ReceivedAt { get; set; }
    [BsonElement("request_fingerprint")] public string RequestFingerprint { get; set; } = "";
}
