using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>
/// A staff member as stored in the <c>staff_members</c> collection: the current profile, and every version of it in
/// <c>history</c> (one document, so a change and its history entry are written by one atomic update).
/// </summary>
internal sealed class StaffMemberDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("profile")] public StaffProfileDocument Profile { get; set; } = new();
    [BsonElement("registered_at")] public DateTime RegisteredAt { get; set; }
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }
    [BsonElement("history")] public List<StaffChangeDocument> History { get; set; } = [];

    public static StaffMemberDocument From(StaffMember member, IdempotencyTag? tag) => new()
    {
        Id = member.Id,
        Profile = StaffProfileDocument.From(member.Profile),
        RegisteredAt = member.RegisteredAt.UtcDateTime,
        Version = member.Version,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
        History = [StaffChangeDocument.From(StaffChange.Registration(member), null)],
    };

    public StaffMember ToDomain() => new(Id, Profile.ToDomain(), MongoValues.Instant(RegisteredAt), Version);
}

/// <summary>What a staff member shows, as a sub-document of the record and of each history entry.</summary>
internal sealed class StaffProfileDocument
{
    [BsonElement("badge_number")] public string BadgeNumber { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("photo_url")] public string PhotoUrl { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("office_id")] public string OfficeId { get; set; } = "";
    [BsonElement("post")] public string Post { get; set; } = "";
    [BsonElement("duties")] public List<string> Duties { get; set; } = [];
    [BsonElement("party_member")] public bool PartyMember { get; set; }

    public static StaffProfileDocument From(StaffProfile p) => new()
    {
        BadgeNumber = p.BadgeNumber,
        Name = p.Name,
        PhotoUrl = p.PhotoUrl,
        Window = (int)p.Window,
        OfficeId = p.OfficeId,
        Post = p.Post,
        Duties = [.. p.Duties],
        PartyMember = p.PartyMember,
    };

    public StaffProfile ToDomain() => new(Name, BadgeNumber, PhotoUrl, (Window)Window, OfficeId, Post, Duties, PartyMember);
}

/// <summary>One version of the record inside <c>history</c>; a change's idempotency key is kept on its entry.</summary>
internal sealed class StaffChangeDocument
{
    [BsonElement("version")] public int Version { get; set; }
    [BsonElement("profile")] public StaffProfileDocument Profile { get; set; } = new();
    [BsonElement("valid_from")] public DateTime ValidFrom { get; set; }
    [BsonElement("reason")] public string Reason { get; set; } = "";
    [BsonElement("changed_by")] public string ChangedBy { get; set; } = "";
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }

    public static StaffChangeDocument From(StaffChange change, IdempotencyTag? tag) => new()
    {
        Version = change.Version,
        Profile = StaffProfileDocument.From(change.Profile),
        ValidFrom = change.ValidFrom.UtcDateTime,
        Reason = change.Reason,
        ChangedBy = change.ChangedBy,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public StaffChange ToDomain(string staffId) => new(staffId, Version, Profile.ToDomain(), MongoValues.Instant(ValidFrom), Reason, ChangedBy);
}
