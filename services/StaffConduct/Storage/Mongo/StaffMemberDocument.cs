using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>A staff member as stored in the <c>staff_members</c> collection.</summary>
internal sealed class StaffMemberDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("badge_number")] public string BadgeNumber { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("photo_url")] public string PhotoUrl { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("office_id")] public string OfficeId { get; set; } = "";
    [BsonElement("post")] public string Post { get; set; } = "";
    [BsonElement("duties")] public List<string> Duties { get; set; } = [];
    [BsonElement("party_member")] public bool PartyMember { get; set; }
    [BsonElement("registered_at")] public DateTime RegisteredAt { get; set; }
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }

    public static StaffMemberDocument From(StaffMember member, IdempotencyTag? tag) => new()
    {
        Id = member.Id,
        BadgeNumber = member.Profile.BadgeNumber,
        Name = member.Profile.Name,
        PhotoUrl = member.Profile.PhotoUrl,
        Window = (int)member.Profile.Window,
        OfficeId = member.Profile.OfficeId,
        Post = member.Profile.Post,
        Duties = [.. member.Profile.Duties],
        PartyMember = member.Profile.PartyMember,
        RegisteredAt = member.RegisteredAt.UtcDateTime,
        Version = member.Version,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public StaffMember ToDomain() => new(Id,
        new StaffProfile(Name, BadgeNumber, PhotoUrl, (Window)Window, OfficeId, Post, Duties, PartyMember),
        MongoValues.Instant(RegisteredAt), Version);
}
