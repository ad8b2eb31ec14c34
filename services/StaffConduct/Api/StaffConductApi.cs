using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.Common.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>The gRPC face of the service (and, through transcoding, its REST routes under /api/staff/v1).</summary>
public sealed partial class StaffConductApi(
    StaffRegistry registry,
    CommitmentDesk commitments,
    WindowShowcaseQuery showcase,
    DutyBook roster,
    DesignationDesk designations,
    ConductCodeEditor conductCode,
    InspectionDesk inspections,
    ContestDesk contests,
    CaseIntake cases,
    RatingIntake ratings,
    MonthlyRankingQuery rankings,
    MonthClosing closing,
    ServiceCatalogueDesk catalogue,
    BureauClock clock) : V1.StaffConduct.StaffConductBase
{
    public override async Task<V1.StaffMember> RegisterStaffMember(RegisterStaffMemberRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var profile = StaffProfile.Create(request.Name, request.BadgeNumber, request.PhotoUrl, window,
            request.OfficeId, request.Post, request.Duties, request.PartyMember);
        var member = await registry.RegisterAsync(profile, context.CancellationToken);
        return member.ToContract();
    }

    public override async Task<V1.StaffMember> GetStaffMember(GetStaffMemberRequest request, ServerCallContext context)
    {
        var member = await registry.GetAsync(request.StaffId, context.CancellationToken);
        WindowTelemetry.Set(member.Profile.Window);
        return member.ToContract();
    }

    public override async Task<V1.Commitment> PublishCommitment(PublishCommitmentRequest request, ServerCallContext context)
    {
        var commitment = await commitments.PublishAsync(request.StaffId, request.Text, request.Deadline, context.CancellationToken);
        WindowTelemetry.Set(commitment.Window);
        return commitment.ToContract(clock.Today);
    }

    public override async Task<ListWindowStaffResponse> ListWindowStaff(ListWindowStaffRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var shown = await showcase.ShowAsync(window, request.OfficeId, context.CancellationToken);
        var response = new ListWindowStaffResponse { Window = request.Window, Day = Dates.Format(shown.Day) };
        response.Staff.AddRange(shown.Staff.Select(s =>
        {
            var item = new V1.StaffShowcase { Staff = s.Member.ToContract(), DutyToday = (V1.DutyStatus)(int)s.DutyToday };
            item.Commitments.AddRange(s.Commitments.Select(c => c.ToContract(shown.Day)));
            item.Designations.AddRange(s.Designations.Select(d => d.ToContract()));
            return item;
        }));
        response.Designations.AddRange(shown.WindowDesignations.Select(d => d.ToContract()));
        return PublicAnswer.Masked(response);
    }

    public override async Task<V1.StaffMember> UpdateStaffMember(UpdateStaffMemberRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var profile = StaffProfile.Create(request.Name, request.BadgeNumber, request.PhotoUrl, window,
            request.OfficeId, request.Post, request.Duties, request.PartyMember);
        var member = await registry.UpdateAsync(request.StaffId, profile, request.Reason, request.ChangedBy, request.ExpectedVersion, context.CancellationToken);
        return member.ToContract();
    }

    public override async Task<StaffHistory> ListStaffHistory(ListStaffHistoryRequest request, ServerCallContext context)
    {
        var history = await registry.HistoryAsync(request.StaffId, context.CancellationToken);
        if (history.Count > 0) WindowTelemetry.Set(history[^1].Profile.Window);
        var response = new StaffHistory { StaffId = request.StaffId.Trim() };
        response.Entries.AddRange(history.Select(h => h.ToContract()));
        return response;
    }

    public override async Task<V1.DutyRecord> SetDutyStatus(SetDutyStatusRequest request, ServerCallContext context)
    {
        var record = await roster.SetAsync(request.StaffId, request.Date, (Domain.DutyStatus)(int)request.Status, request.Note, context.CancellationToken);
        WindowTelemetry.Set(record.Window);
        return record.ToContract();
    }

    public override async Task<DutyRoster> ListDutyRoster(ListDutyRosterRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var day = Dates.ParseDate(request.Date, "date");
        var lines = await roster.RosterAsync(window, day, request.OfficeId, context.CancellationToken);
        var response = new V1.DutyRoster { Window = request.Window, Date = Dates.Format(day) };
        response.Lines.AddRange(lines.Select(l => new V1.RosterLine
        {
            Staff = l.Staff.ToContract(), Status = (V1.DutyStatus)(int)l.Status, Note = l.Note,
        }));
        return response;
    }

    public override async Task<V1.Commitment> ResolveCommitment(ResolveCommitmentRequest request, ServerCallContext context)
    {
        bool? kept = request.Outcome switch
        {
            CommitmentOutcomeKind.CommitmentKept => true,
            CommitmentOutcomeKind.CommitmentBroken => false,
            _ => null,
        };
        var commitment = await commitments.ResolveAsync(request.CommitmentId, kept, request.Evidence, request.RecordedBy, context.CancellationToken);
        WindowTelemetry.Set(commitment.Window);
        return commitment.ToContract(clock.Today);
    }

    public override async Task<OverdueCommitments> ListOverdueCommitments(ListOverdueCommitmentsRequest request, ServerCallContext context)
    {
        Window? window = request.Window == WindowType.Unspecified ? null : request.Window.ToDomain();
        if (window is { } w) WindowTelemetry.Set(w);
        var overdue = await commitments.OverdueAsync(window, context.CancellationToken);
        var response = new OverdueCommitments { Day = Dates.Format(overdue.Day) };
        response.Commitments.AddRange(overdue.Commitments.Select(o => new V1.OverdueCommitment
        {
            Commitment = o.Commitment.ToContract(overdue.Day),
            StaffName = o.Staff.Profile.Name,
            BadgeNumber = o.Staff.Profile.BadgeNumber,
            DaysOverdue = o.DaysOverdue,
        }));
        return response;
    }

    public override async Task<V1.Designation> GrantDesignation(GrantDesignationRequest request, ServerCallContext context)
    {
        var grant = new DesignationDesk.Grant((Domain.DesignationKind)(int)request.Kind, request.Window.ToDomain(), request.OfficeId,
            request.StaffId, request.GrantedOn, request.Reason, request.GrantedBy);
        var designation = await designations.GrantAsync(grant, context.CancellationToken);
        WindowTelemetry.Set(designation.Window);
        return designation.ToContract();
    }

    public override async Task<V1.Designation> WithdrawDesignation(WithdrawDesignationRequest request, ServerCallContext context)
    {
        var designation = await designations.WithdrawAsync(request.DesignationId, request.WithdrawnOn, request.Reason, request.WithdrawnBy, context.CancellationToken);
        WindowTelemetry.Set(designation.Window);
        return designation.ToContract();
    }

    public override async Task<ListDesignationsResponse> ListDesignations(ListDesignationsRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var found = await designations.ListAsync(window, request.IncludeWithdrawn, context.CancellationToken);
        var response = new ListDesignationsResponse();
        response.Designations.AddRange(found.Select(d => d.ToContract()));
        return PublicAnswer.Masked(response);
    }

    public override async Task<ConductCode> ListConductRules(ListConductRulesRequest request, ServerCallContext context)
    {
        var rules = await conductCode.ListAsync(request.IncludeInactive, context.CancellationToken);
        var response = new ConductCode();
        response.Rules.AddRange(rules.Select(r => r.ToContract()));
        return response;
    }

    public override async Task<V1.ConductRule> SaveConductRule(SaveConductRuleRequest request, ServerCallContext context)
    {
        var rule = await conductCode.SaveAsync(request.RuleId, (Domain.ConductPart)(int)request.Part, request.Text, request.Active,
            request.ExpectedVersion, context.CancellationToken);
        return rule.ToContract();
    }

    public override async Task<V1.Inspection> RecordInspection(RecordInspectionRequest request, ServerCallContext context)
    {
        var observation = new InspectionDesk.Observation(request.StaffId, request.RuleId, (Domain.InspectionKind)(int)request.Kind,
            request.Inspector, request.Evidence, request.ObservedOn);
        var inspection = await inspections.RecordAsync(observation, context.CancellationToken);
        WindowTelemetry.Set(inspection.Window);
        return inspection.ToContract();
    }

    public override async Task<V1.ConductRecord> GetConductRecord(GetConductRecordRequest request, ServerCallContext context)
    {
        var record = await inspections.RecordOfAsync(request.StaffId, request.FromDate, request.ToDate, context.CancellationToken);
        WindowTelemetry.Set(record.Staff.Profile.Window);
        var response = new V1.ConductRecord
        {
            StaffId = record.Staff.Id, Commendations = record.Commendations, Violations = record.Violations,
        };
        response.Parts.AddRange(record.Parts.Select(p => new PartTally
        {
            Part = (V1.ConductPart)(int)p.Part, Commendations = p.Commendations, Violations = p.Violations,
        }));
        response.Inspections.AddRange(record.Inspections.Select(i => i.ToContract()));
        response.Complaints = record.CountedComplaints;
        response.ComplaintEntries.AddRange(record.Complaints.Select(c => c.ToContract()));
        return response;
    }

    public override async Task<V1.Contest> CreateContest(CreateContestRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var contest = await contests.CreateAsync(request.Title, window, request.HeldOn, request.MaxScore, context.CancellationToken);
        return await ContestMessageAsync(contest, context.CancellationToken);
    }

    public override async Task<V1.Contest> RecordContestScores(RecordContestScoresRequest request, ServerCallContext context)
    {
        var contest = await contests.ScoreAsync(request.ContestId, request.Scores.Select(s => ((string?)s.StaffId, s.Score)).ToList(), context.CancellationToken);
        WindowTelemetry.Set(contest.Window);
        return await ContestMessageAsync(contest, context.CancellationToken);
    }

    public override async Task<V1.Contest> GetContest(GetContestRequest request, ServerCallContext context)
    {
        var contest = await contests.GetAsync(request.ContestId, context.CancellationToken);
        WindowTelemetry.Set(contest.Window);
        return await ContestMessageAsync(contest, context.CancellationToken);
    }

    public override async Task<StaffContestResults> ListStaffContestResults(ListStaffContestResultsRequest request, ServerCallContext context)
    {
        var (member, results) = await contests.ResultsOfAsync(request.StaffId, context.CancellationToken);
        WindowTelemetry.Set(member.Profile.Window);
        var response = new StaffContestResults { StaffId = member.Id };
        response.Results.AddRange(results.Select(r => new V1.StaffContestResult
        {
            ContestId = r.Contest.Id,
            Title = r.Contest.Title,
            HeldOn = Dates.Format(r.Contest.HeldOn),
            Score = r.Score,
            MaxScore = r.Contest.MaxScore,
            Rank = r.Rank,
            Participants = r.Contest.Scores.Count,
        }));
        return response;
    }

    public override async Task<CasesHandledReport> ReportCasesHandled(ReportCasesHandledRequest request, ServerCallContext context)
    {
        var (report, total) = await cases.ReceiveAsync(new CaseIntake.Report(request.StaffId, request.Month, request.Count, request.Source,
            request.EventId, request.Window.ToDomain()), context.CancellationToken);
        WindowTelemetry.Set(report.Window);
        return new CasesHandledReport
        {
            StaffId = report.StaffId,
            Month = report.Month.ToString(),
            Count = report.Count,
            Source = report.Source,
            EventId = report.EventId,
            MonthTotal = total,
            Window = report.Window.ToContract(),
        };
    }

    public override async Task<V1.MonthlyRanking> GetMonthlyRanking(GetMonthlyRankingRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var ranking = await rankings.RankAsync(window, request.Month, request.OfficeId, request.StaffId, request.Version, context.CancellationToken);
        return ranking.ToContract();
    }

    public override async Task<V1.MonthlyRanking> CloseMonth(CloseMonthRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var ranking = await closing.CloseAsync(window, request.Month, request.ClosedBy, context.CancellationToken);
        return ranking.ToContract();
    }

    public override async Task<V1.MonthlyRanking> CorrectMonthlyRanking(CorrectMonthlyRankingRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var ranking = await closing.CorrectAsync(window, request.Month, request.Reason, request.CorrectedBy, context.CancellationToken);
        return ranking.ToContract();
    }

    /// <summary>A contest with its ranked scores and the names of the participants (for the hall screen).</summary>
    private async Task<V1.Contest> ContestMessageAsync(Domain.Contest contest, CancellationToken cancellationToken) =>
        contest.ToContract(await contests.NamesAsync(contest, cancellationToken));
}
