using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record CreateInvitationCommand(
    Window Window,
    string? StaffId,
    string? ServiceReference,
    int Channel);
