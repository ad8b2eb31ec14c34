using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Staff;

/// <summary>
/// Staff members from the staff-conduct service over gRPC (through the shared Polly pipeline). Unknown: null. Down:
/// the RpcException (UNAVAILABLE, DEADLINE_EXCEEDED) travels on to the caller unchanged, before anything is written.
/// </summary>
internal sealed class StaffConductDirectory(StaffConduct.V1.StaffConduct.StaffConductClient client) : IStaffDirectory
{
    public async Task<Domain.StaffMember?> FindAsync(string staffId)
    {
        try
        {
            var member = await client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = staffId });
            return new Domain.StaffMember(member.StaffId, member.Name, member.Window.ToDomain());
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }
}
