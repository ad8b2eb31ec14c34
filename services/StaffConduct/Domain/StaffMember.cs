namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A staff member of a window as the directory holds them now. <see cref="Version"/> counts the changes.</summary>
public sealed record StaffMember(string Id, StaffProfile Profile, DateTimeOffset RegisteredAt, int Version)
{
    public static StaffMember Register(StaffProfile profile, DateTimeOffset now) => new(Ids.New(), profile, now, 1);

    /// <summary>The record after a change of profile: the next version.</summary>
    public StaffMember Change(StaffProfile profile) => this with { Profile = profile, Version = Version + 1 };
}
