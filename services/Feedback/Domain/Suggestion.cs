using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>A note in a window's suggestion box (征求意见箱). <see cref="Suggester"/> is null when it is anonymous:
/// then no name or phone exists anywhere, not in the store, not in a response, not in telemetry.</summary>
public sealed record Suggestion(
    string Id,
    Window Window,
    string Category,
    string Text,
    Suggester? Suggester,
    DateTimeOffset SubmittedAt,
    Idempotency? Idempotency = null) : IIdempotentRecord
{
    public bool Anonymous => Suggester is null;
}
