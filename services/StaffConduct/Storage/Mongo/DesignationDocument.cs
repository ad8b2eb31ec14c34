using CivilAffairs.StaffConduct.Domain;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>
/// A designation in the <c>designations</c> collection. <c>in_force</c> is kept as a field because a unique index can
/// be partial on an equality (<c>in_force: true</c>) but not on a missing field.
/// </summary>
internal sealed class DesignationDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("kind")] public int Kind { get; set; }
    [BsonElement("window")] public int Window { get; set; }
    [BsonElement("office_id")] public string OfficeId { get; set; } = "";
    [BsonElement("staff_id")] public string StaffId { get; set; } = "";
    [BsonElement("holder_key")] public string HolderKey { get; set; } = "";
    [BsonElement("granted_on")] public string GrantedOn { get; set; } = "";
    [BsonElement("grant_reason")] public string GrantReason { get; set; } = "";
    [BsonElement("granted_by")] public string GrantedBy { get; set; } = "";
    [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }
    [BsonElement("in_force")] public bool InForce { get; set; }
    [BsonElement("withdrawal"), BsonIgnoreIfNull] public WithdrawalDocument? Withdrawal { get; set; }
    [BsonElement("idempotency_key"), BsonIgnoreIfNull] public string? IdempotencyKey { get; set; }
    [BsonElement("request_fingerprint"), BsonIgnoreIfNull] public string? RequestFingerprint { get; set; }
    [BsonElement("withdrawal_idempotency_key"), BsonIgnoreIfNull] public string? WithdrawalIdempotencyKey { get; set; }
    [BsonElement("withdrawal_fingerprint"), BsonIgnoreIfNull] public string? WithdrawalFingerprint { get; set; }

    internal sealed class WithdrawalDocument
    {
        [BsonElement("on")] public string On { get; set; } = "";
        [BsonElement("reason")] public string Reason { get; set; } = "";
        [BsonElement("by")] public string By { get; set; } = "";
        [BsonElement("recorded_at")] public DateTime RecordedAt { get; set; }

        public static WithdrawalDocument From(DesignationWithdrawal w) =>
            new() { On = Dates.Format(w.On), Reason = w.Reason, By = w.By, RecordedAt = w.RecordedAt.UtcDateTime };
    }

    public static DesignationDocument From(Designation d, IdempotencyTag? tag) => new()
    {
        Id = d.Id,
        Kind = (int)d.Kind,
        Window = (int)d.Window,
        OfficeId = d.OfficeId,
        StaffId = d.StaffId,
        HolderKey = d.HolderKey,
        GrantedOn = Dates.Format(d.GrantedOn),
        GrantReason = d.GrantReason,
        GrantedBy = d.GrantedBy,
        RecordedAt = d.RecordedAt.UtcDateTime,
        InForce = d.InForce,
        Withdrawal = d.Withdrawal is { } w ? WithdrawalDocument.From(w) : null,
        IdempotencyKey = tag?.Key,
        RequestFingerprint = tag?.Fingerprint,
    };

    public Designation ToDomain() => new(Id, (DesignationKind)Kind, (Window)Window, OfficeId, StaffId,
        Dates.ParseDate(GrantedOn, "granted_on"), GrantReason, GrantedBy, MongoValues.Instant(RecordedAt),
        Withdrawal is { } w
            ? new DesignationWithdrawal(Dates.ParseDate(w.On, "withdrawn_on"), w.Reason, w.By, MongoValues.Instant(w.RecordedAt))
            : null);
}
