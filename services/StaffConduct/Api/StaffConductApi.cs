using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.V1;
using CivilAffairs.Common.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>The gRPC face of the service (and, through transcoding, its REST routes under /api/staff/v1).</summary>
public sealed class StaffConductApi(
    StaffRegistry registry,
    CommitmentDesk commitments,
    WindowShowcaseQuery showcase,
    DutyBook roster,
    BureauClock clock) : V1.StaffConduct.StaffConductBase
{
    public override async Task<V1.StaffMember> RegisterStaffMember(RegisterStaffMemberRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var profile = StaffProfile.Create(request.Name, request.BadgeNumber, request.PhotoUrl, window,
            request.OfficeId, request.Post, request.Duties, request.PartyMember);
        var member = await registry.RegisterAsync(profile, IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
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
        var commitment = await commitments.PublishAsync(request.StaffId, request.Text, request.Deadline,
            IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
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
            return item;
        }));
        return response;
    }

    public override async Task<V1.StaffMember> UpdateStaffMember(UpdateStaffMemberRequest request, ServerCallContext context)
    {
        var window = request.Window.ToDomain();
        WindowTelemetry.Set(window);
        var profile = StaffProfile.Create(request.Name, request.BadgeNumber, request.PhotoUrl, window,
            request.OfficeId, request.Post, request.Duties, request.PartyMember);
        var member = await registry.UpdateAsync(request.StaffId, profile, request.Reason, request.ChangedBy, request.ExpectedVersion,
            IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
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
        var record = await roster.SetAsync(request.StaffId, request.Date, (Domain.DutyStatus)(int)request.Status, request.Note,
            IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
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
        var commitment = await commitments.ResolveAsync(request.CommitmentId, kept, request.Evidence, request.RecordedBy,
            IdempotencyKey.From(context, request.IdempotencyKey), context.CancellationToken);
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
}
