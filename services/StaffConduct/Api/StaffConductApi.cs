using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.ServiceDefaults.Telemetry;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>The gRPC face of the service (and, through transcoding, its REST routes under /api/staff/v1).</summary>
public sealed class StaffConductApi(
    StaffRegistry registry,
    CommitmentDesk commitments,
    WindowShowcaseQuery showcase,
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
        var response = new ListWindowStaffResponse { Window = request.Window };
        response.Staff.AddRange(shown.Staff.Select(s =>
        {
            var item = new V1.StaffShowcase { Staff = s.Member.ToContract() };
            item.Commitments.AddRange(s.Commitments.Select(c => c.ToContract(shown.Day)));
            return item;
        }));
        return response;
    }
}
