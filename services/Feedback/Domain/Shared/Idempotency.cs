namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// The caller's idempotency key and a fingerprint of what it asked, kept on the record it created, so a retry with
/// the same key is answered with that record and the same key with another content is refused.
/// </summary>
public sealed record Idempotency(string Key, string Fingerprint);
