using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>A citizen's rating as asked for, before it is checked. Level and channel arrive as numbers so that an
/// unknown value is refused with the field named rather than silently mapped.</summary>
public sealed record RateServiceCommand(
    Window Window,
    string? StaffId,
    string? ServiceReference,
    int Level,
    string? Comment,
    int Channel,
    string? IdempotencyKey = null)
{
    public string Fingerprint() => Domain.Fingerprint.Of("rate", (int)Window, StaffId, ServiceReference, Level, Comment, Channel);
}
