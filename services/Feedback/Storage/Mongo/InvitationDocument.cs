using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>An invitation as stored in the <c>invitations</c> collection.</summary>
internal sealed class InvitationDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("staffId"), BsonIgnoreIfNull] public string? StaffId { get; set; }
    [BsonElement("serviceReference")] public string ServiceReference { get; set; } = "";
    [BsonElement("channel")] public int Channel { get; set; }
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }
    [BsonElement("expiresAt")] public DateTime ExpiresAt { get; set; }
    [BsonElement("idempotencyKey"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("fingerprint"), BsonIgnoreIfNull] public string? Fingerprint { get; set; }

    public static InvitationDocument From(Invitation invitation) => new()
    {
        Id = invitation.Id,
        Window = (int)invitation.Window,
        StaffId = invitation.StaffId,
        ServiceReference = invitation.ServiceReference,
        Channel = (int)invitation.Channel,
        CreatedAt = invitation.CreatedAt.UtcDateTime,
        ExpiresAt = invitation.ExpiresAt.UtcDateTime,
        IdempotencyKey = invitation.Idempotency?.Key,
        Fingerprint = invitation.Idempotency?.Fingerprint,
    };

    public Invitation ToDomain() => new(
        Id, (Window)Window, StaffId, ServiceReference, (RatingChannel)Channel, MongoValues.Instant(CreatedAt), MongoValues.Instant(ExpiresAt),
        MongoValues.Idempotency(IdempotencyKey, Fingerprint));
}
