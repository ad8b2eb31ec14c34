using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Who may act on a case: a staff member of the SOCIAL_ASSISTANCE window, as staff-conduct knows them.</summary>
public sealed class AssistanceStaff(IStaffDirectory directory)
{
    /// <summary>The staff member, or a refusal. Asked before anything is written; staff-conduct down: the call fails.</summary>
    public async Task<StaffMember> RequireAsync(string? staffId)
    {
        if (string.IsNullOrWhiteSpace(staffId)) throw new ValidationFailed("staff_id", "is required");
        var member = await directory.FindAsync(staffId.Trim()) ?? throw new NotFound("staff-member", staffId.Trim());
        if (member.Window != Window.SocialAssistance)
            throw new RuleViolated("wrong-window", $"staff member {member.Id} serves {member.Window.Code()}, not SOCIAL_ASSISTANCE");
        return member;
    }
}
