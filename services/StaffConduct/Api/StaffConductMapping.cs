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
            Version = member.Version,
        };
        message.Duties.AddRange(profile.Duties);
        return message;
    }

    public static V1.Commitment ToContract(this Domain.Commitment commitment, DateOnly today)
    {
        var message = new V1.Commitment
        {
            CommitmentId = commitment.Id,
            StaffId = commitment.StaffId,
            Text = commitment.Text,
            Deadline = Dates.Format(commitment.Deadline),
            Status = (V1.CommitmentStatus)(int)commitment.StatusOn(today),
            PublishedAt = commitment.PublishedAt.ToTimestamp(),
            Window = commitment.Window.ToContract(),
        };
        if (commitment.Outcome is { } outcome)
        {
            message.Evidence = outcome.Evidence;
            message.RecordedBy = outcome.RecordedBy;
            message.ResolvedAt = outcome.RecordedAt.ToTimestamp();
        }
        return message;
    }

    public static StaffHistoryEntry ToContract(this StaffChange change)
    {
        var profile = new Domain.StaffMember(change.StaffId, change.Profile, change.ValidFrom, change.Version).ToContract();
        profile.RegisteredAt = null; // a version has a start (valid_from), not a registration
        return new StaffHistoryEntry
        {
            Version = change.Version,
            Profile = profile,
            ValidFrom = change.ValidFrom.ToTimestamp(),
            Reason = change.Reason,
            ChangedBy = change.ChangedBy,
        };
    }

    public static V1.DutyRecord ToContract(this Domain.DutyRecord record) => new()
    {
        StaffId = record.StaffId,
        Date = Dates.Format(record.Date),
        Status = (V1.DutyStatus)(int)record.Status,
        Note = record.Note,
        RecordedAt = record.RecordedAt.ToTimestamp(),
        Window = record.Window.ToContract(),
    };
}
