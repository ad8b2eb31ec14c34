using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A rule of the conduct code in the <c>conduct_rules</c> collection; its id is the rule id (e.g. T-01).</summary>
internal sealed class ConductRuleDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("part")] public int Part { get; set; }
    [BsonElement("text")] public string Text { get; set; } = "";
    [BsonElement("active")] public bool Active { get; set; }
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("updated_at")] public DateTime UpdatedAt { get; set; }

    public static ConductRuleDocument From(ConductRule rule) => new()
    {
        Id = rule.Id, Part = (int)rule.Part, Text = rule.Text, Active = rule.Active, Version = rule.Version, UpdatedAt = rule.UpdatedAt.UtcDateTime,
    };

    public ConductRule ToDomain() => new(Id, (ConductPart)Part, Text, Active, Version, MongoValues.Instant(UpdatedAt));
}
