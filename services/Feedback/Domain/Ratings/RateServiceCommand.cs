using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// A citizen's rating through an invitation, before it is checked. Window, staff member and service come from the
/// invitation; a caller that also sends them must send the same. Level and channel arrive as numbers so an unknown
/// value is refused with the field named; channel 0 means "as invited".
/// </summary>
public sealed record RateServiceCommand(
    string? InvitationId,
    int Level,
    string? Comment,
    int Channel = 0,
    Window Window = Window.Unspecified,
    string? StaffId = null,
    string? ServiceReference = null);
