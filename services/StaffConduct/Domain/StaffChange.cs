namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// One version of a staff member's record in the history: the profile as it read from <see cref="ValidFrom"/>, and
/// why it changed. The directory never forgets a version (the archive keeps who served where, under which post).
/// </summary>
public sealed record StaffChange(string StaffId, int Version, StaffProfile Profile, DateTimeOffset ValidFrom, string Reason, string ChangedBy)
{
    public const string RegisteredReason = "registered";

    public static StaffChange Registration(StaffMember member) =>
        new(member.Id, 1, member.Profile, member.RegisteredAt, RegisteredReason, "");
}
