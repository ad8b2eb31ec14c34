using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.V1;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>Domain records to contract messages.</summary>
internal static class StaffConductMapping
{
    public static V1.StaffMember ToContract(this Domain.StaffMember member)
    {
        var profile = member.Profile;
        var message = new V1.StaffMember
        {
            StaffId = member.Id,
            Name = profile.Name,
            BadgeNumber = profile.BadgeNumber,
            PhotoUrl = profile.PhotoUrl,
            Window = profile.Window.ToContract(),
            OfficeId = profile.OfficeId,
            Post = profile.Post,
            PartyMember = profile.PartyMember,
            RegisteredAt = member.RegisteredAt.ToTimestamp(),
        };
        message.Duties.AddRange(profile.Duties);
        return message;
    }

    public static V1.Commitment ToContract(this Domain.Commitment commitment, DateOnly today) => new()
    {
        CommitmentId = commitment.Id,
        StaffId = commitment.StaffId,
        Text = commitment.Text,
        Deadline = Dates.Format(commitment.Deadline),
        Status = (V1.CommitmentStatus)(int)commitment.StatusOn(today),
        PublishedAt = commitment.PublishedAt.ToTimestamp(),
        Window = commitment.Window.ToContract(),
    };
}
