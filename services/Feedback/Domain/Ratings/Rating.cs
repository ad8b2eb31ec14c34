using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// One citizen's judgement of one completed service. <see cref="RatedOn"/> is the office's calendar day of
/// <see cref="RatedAt"/>: periods and summaries count by it. A rating found mistaken or malicious on appeal is
/// <see cref="Voided"/>: kept, but no longer counted.
/// </summary>
public sealed record Rating(
    string Id,
    Window Window,
    string? StaffId,
    string ServiceReference,
    RatingLevel Level,
    string? Comment,
    RatingChannel Channel,
    DateTimeOffset RatedAt,
    DateOnly RatedOn,
    string? InvitationId = null,
    bool Voided = false);
