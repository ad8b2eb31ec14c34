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

    public static V1.Designation ToContract(this Domain.Designation d) => new()
    {
        DesignationId = d.Id,
        Kind = (V1.DesignationKind)(int)d.Kind,
        Window = d.Window.ToContract(),
        OfficeId = d.OfficeId,
        StaffId = d.StaffId,
        GrantedOn = Dates.Format(d.GrantedOn),
        GrantReason = d.GrantReason,
        GrantedBy = d.GrantedBy,
        WithdrawnOn = d.Withdrawal is { } w ? Dates.Format(w.On) : "",
        WithdrawalReason = d.Withdrawal?.Reason ?? "",
        WithdrawnBy = d.Withdrawal?.By ?? "",
        InForce = d.InForce,
    };

    public static V1.ConductRule ToContract(this Domain.ConductRule rule) => new()
    {
        RuleId = rule.Id,
        Part = (V1.ConductPart)(int)rule.Part,
        Text = rule.Text,
        Active = rule.Active,
        Version = rule.Version,
        UpdatedAt = rule.UpdatedAt.ToTimestamp(),
    };

    public static V1.Inspection ToContract(this Domain.Inspection i) => new()
    {
        InspectionId = i.Id,
        StaffId = i.StaffId,
        RuleId = i.RuleId,
        Part = (V1.ConductPart)(int)i.Part,
        RuleText = i.RuleText,
        Kind = (V1.InspectionKind)(int)i.Kind,
        Inspector = i.Inspector,
        Evidence = i.Evidence,
        ObservedOn = Dates.Format(i.ObservedOn),
        RecordedAt = i.RecordedAt.ToTimestamp(),
        Window = i.Window.ToContract(),
    };

    public static V1.Contest ToContract(this Domain.Contest contest, IReadOnlyDictionary<string, string> names)
    {
        var message = new V1.Contest
        {
            ContestId = contest.Id,
            Title = contest.Title,
            Window = contest.Window.ToContract(),
            HeldOn = Dates.Format(contest.HeldOn),
            MaxScore = contest.MaxScore,
        };
        message.Scores.AddRange(contest.Ranked().Select(r => new V1.ContestScore
        {
            StaffId = r.Score.StaffId, Score = r.Score.Score, Rank = r.Rank, StaffName = names.GetValueOrDefault(r.Score.StaffId, ""),
        }));
        return message;
    }

    public static V1.MonthlyRanking ToContract(this Domain.MonthlyRanking ranking)
    {
        var message = new V1.MonthlyRanking
        {
            Window = ranking.Window.ToContract(),
            Month = ranking.Month.ToString(),
            Complete = ranking.Complete,
            Weighting = ranking.Weighting,
        };
        message.Lines.AddRange(ranking.Lines.Select(l =>
        {
            var line = new V1.RankingLine { Rank = l.Rank, Staff = l.Staff.ToContract(), Score = l.Score, Figures = l.Figures.ToContract() };
            line.Components.AddRange(l.Components.Select(c => new V1.ComponentScore
            {
                Component = c.Component, Weight = c.Weight, Score = c.Score, Available = c.Available,
            }));
            line.MissingFigures.AddRange(l.MissingFigures);
            line.Titles.AddRange(l.Titles.Select(t => (V1.MonthlyTitle)(int)t));
            line.Remarks.AddRange(l.Remarks);
            return line;
        }));
        message.Titles.AddRange(ranking.Titles.Select(t => new V1.TitleAward
        {
            Title = (V1.MonthlyTitle)(int)t.Title,
            StaffId = t.Line.Staff.Id,
            StaffName = t.Line.Staff.Profile.Name,
            Post = t.Line.Staff.Profile.Post,
            Score = t.Line.Score,
            Figures = t.Line.Figures.ToContract(),
            Basis = t.Basis,
        }));
        message.MissingFigures.AddRange(ranking.MissingFigures);
        message.TitlesWithheld.AddRange(ranking.TitlesWithheld);
        if (ranking.Publication is { } published)
        {
            message.Closed = true;
            message.Version = published.Version;
            message.LatestVersion = published.LatestVersion;
            message.VersionReason = published.Reason;
            message.PublishedBy = published.PublishedBy;
            message.PublishedAt = published.PublishedAt.ToTimestamp();
        }
        return message;
    }

    private static V1.PerformanceFigures ToContract(this Domain.PerformanceFigures f) => new()
    {
        CasesHandled = f.CasesHandled,
        Ratings = f.Ratings,
        SatisfactionRate = f.SatisfactionRate,
        CommitmentsDue = f.CommitmentsDue,
        CommitmentsKept = f.CommitmentsKept,
        CommitmentsBroken = f.CommitmentsBroken,
        CommitmentsOverdue = f.CommitmentsOverdue,
        Commendations = f.Commendations,
        Violations = f.Violations,
        Contests = f.Contests,
        ContestScorePercent = f.ContestScorePercent,
        SatisfactionCounted = f.SatisfactionCounted,
        AppraisalMeetings = f.AppraisalMeetings,
        AppraisalScore = f.AppraisalScore,
    };
}
