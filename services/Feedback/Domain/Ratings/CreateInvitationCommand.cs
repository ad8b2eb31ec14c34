using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record CreateInvitationCommand(
    Window Window,
    string? StaffId,
    string? ServiceReference,
    int Channel,
    string? IdempotencyKey = null)
{
    public string Fingerprint() => Domain.Fingerprint.Of("invite", (int)Window, StaffId, ServiceReference, Channel);
}
