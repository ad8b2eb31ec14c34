namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>The staff-conduct service, seen from here. Unreachable: it throws (the call fails fast, nothing is written).</summary>
public interface IStaffDirectory
{
    Task<StaffMember?> FindAsync(string staffId);
}
