using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;

namespace CivilAffairs.ServiceDefaults.Idempotency;

/// <summary>The first outcome of a state-changing call under an idempotency key: its answer, or the refusal it got.
/// Stored in the same transaction as the change it answers; kept until <see cref="ExpiresAt"/>.</summary>
public sealed record IdempotencyRecord(
    string Id, string Caller, string Key, string Method, string Fingerprint, int StatusCode, byte[]? Response, string? Detail,
    byte[]? Details, DateTimeOffset StoredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Keys are the caller's own: two partners sending the same key never meet.</summary>
    public static string IdOf(string caller, string key) => caller + "\u001f" + key;
}

public static class IdempotencyRecords
{
    public static readonly DocumentCollection<IdempotencyRecord> Collection =
        new DocumentCollection<IdempotencyRecord>("idempotency", PlatformDocumentsJson.Default.IdempotencyRecord, r => r.Id)
            .Field("expiresAt", r => r.ExpiresAt)
            .Index("expiresAt");
}

/// <summary>Section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long an outcome is replayed to a retry; then the key may be used afresh.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often kept records past their retention (and delivered outbox messages past theirs) are purged.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
}
