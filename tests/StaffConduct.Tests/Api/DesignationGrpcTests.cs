using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>党员示范窗口 and 党员先锋岗: granted and withdrawn with dates and reasons.</summary>
public sealed class DesignationGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private GrantDesignationRequest ModelWindow(string office = "office-1") => new()
    {
        Kind = DesignationKind.PartyMemberModelWindow, Window = WindowType.MarriageRegistration, OfficeId = office,
        GrantedOn = _host.Date(0), Reason = "群众满意率连续12个月100%", GrantedBy = "局机关党委",
    };

    private GrantDesignationRequest PioneerPost(string staffId) => new()
    {
        Kind = DesignationKind.PartyMemberPioneerPost, StaffId = staffId, GrantedOn = _host.Date(-10), Reason = "业务标兵", GrantedBy = "局机关党委",
    };

    [Fact]
    public async Task Designations_show_on_the_wall_while_in_force_and_stay_on_record_when_withdrawn()
    {
        var member = await _host.RegisterAsync();
        var window = await Client.GrantDesignationAsync(ModelWindow());
        var post = await Client.GrantDesignationAsync(PioneerPost(member.StaffId));
        Assert.Equal((WindowType.MarriageRegistration, "office-1"), (post.Window, post.OfficeId));

        var wall = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(window.DesignationId, Assert.Single(wall.Designations).DesignationId);
        Assert.Equal(post.DesignationId, Assert.Single(Assert.Single(wall.Staff).Designations).DesignationId);

        var withdrawn = await Client.WithdrawDesignationAsync(new WithdrawDesignationRequest
        {
            DesignationId = post.DesignationId, WithdrawnOn = _host.Date(0), Reason = "调离窗口", WithdrawnBy = "局机关党委",
        });
        Assert.False(withdrawn.InForce);
        Assert.Equal((_host.Date(0), "调离窗口"), (withdrawn.WithdrawnOn, withdrawn.WithdrawalReason));

        wall = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Empty(Assert.Single(wall.Staff).Designations);
        var record = await Client.ListDesignationsAsync(new ListDesignationsRequest { Window = WindowType.MarriageRegistration, IncludeWithdrawn = true });
        Assert.Equal([post.DesignationId, window.DesignationId], record.Designations.Select(d => d.DesignationId));
        var current = await Client.ListDesignationsAsync(new ListDesignationsRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal([window.DesignationId], current.Designations.Select(d => d.DesignationId));
    }

    [Fact]
    public async Task A_pioneer_post_is_held_by_a_party_member_only()
    {
        var request = StaffHost.Member();
        request.PartyMember = false;
        var member = await Client.RegisterStaffMemberAsync(request);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantDesignationAsync(PioneerPost(member.StaffId)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("party member", error.Status.Detail);
    }

    [Fact]
    public async Task A_pioneer_post_in_a_window_the_member_does_not_serve_is_refused()
    {
        var member = await _host.RegisterAsync(WindowType.SocialAssistance);
        var grant = PioneerPost(member.StaffId);
        grant.Window = WindowType.MarriageRegistration;
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantDesignationAsync(grant).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("SOCIAL_ASSISTANCE", error.Status.Detail);
    }

    [Fact]
    public async Task A_holder_holds_one_designation_of_a_kind_at_a_time()
    {
        await Client.GrantDesignationAsync(ModelWindow());
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantDesignationAsync(ModelWindow()).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        await Client.GrantDesignationAsync(ModelWindow("office-2"));
    }

    [Fact]
    public async Task Bad_grants_and_withdrawals_name_their_fields()
    {
        var grant = ModelWindow("");
        grant.GrantedOn = _host.Date(1);
        grant.Reason = "";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GrantDesignationAsync(grant).ResponseAsync);
        Assert.Equal(["office_id", "granted_on", "reason"], error.Fields());

        var window = await Client.GrantDesignationAsync(ModelWindow());
        error = await Assert.ThrowsAsync<RpcException>(() => Client.WithdrawDesignationAsync(new WithdrawDesignationRequest
        {
            DesignationId = window.DesignationId, WithdrawnOn = _host.Date(-1), Reason = "x", WithdrawnBy = "y",
        }).ResponseAsync);
        Assert.Equal(["withdrawn_on"], error.Fields());
        Assert.True(Assert.Single((await Client.ListDesignationsAsync(new ListDesignationsRequest { Window = WindowType.MarriageRegistration })).Designations).InForce);
    }

    [Fact]
    public async Task A_designation_is_withdrawn_once()
    {
        var window = await Client.GrantDesignationAsync(ModelWindow());
        var withdraw = new WithdrawDesignationRequest { DesignationId = window.DesignationId, WithdrawnOn = _host.Date(0), Reason = "x", WithdrawnBy = "y" };
        await Client.WithdrawDesignationAsync(withdraw);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.WithdrawDesignationAsync(withdraw).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }
}
