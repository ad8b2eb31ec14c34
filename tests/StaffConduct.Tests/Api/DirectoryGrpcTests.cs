using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>Changes to the staff directory keep history; on-duty status by day.</summary>
public sealed class DirectoryGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private static UpdateStaffMemberRequest ChangeOf(V1.StaffMember member, string post, WindowType? window = null) => new()
    {
        StaffId = member.StaffId,
        Name = member.Name,
        BadgeNumber = member.BadgeNumber,
        PhotoUrl = member.PhotoUrl,
        Window = window ?? member.Window,
        OfficeId = member.OfficeId,
        Post = post,
        Duties = { member.Duties },
        PartyMember = member.PartyMember,
        Reason = "岗位调整",
        ChangedBy = "人事科",
    };

    [Fact]
    public async Task A_change_shows_at_once_and_the_history_keeps_what_it_replaced()
    {
        var member = await _host.RegisterAsync();
        _host.Clock.Advance(TimeSpan.FromDays(3));
        var changed = await Client.UpdateStaffMemberAsync(ChangeOf(member, "首席登记员", WindowType.AdoptionRegistration));
        Assert.Equal(2, changed.Version);
        Assert.Equal("首席登记员", changed.Post);

        var marriage = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Empty(marriage.Staff);
        var adoption = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.AdoptionRegistration });
        Assert.Equal(member.StaffId, Assert.Single(adoption.Staff).Staff.StaffId);

        var history = await Client.ListStaffHistoryAsync(new ListStaffHistoryRequest { StaffId = member.StaffId });
        Assert.Equal([1, 2], history.Entries.Select(e => e.Version));
        Assert.Equal(["婚姻登记员", "首席登记员"], history.Entries.Select(e => e.Profile.Post));
        Assert.Equal([WindowType.MarriageRegistration, WindowType.AdoptionRegistration], history.Entries.Select(e => e.Profile.Window));
        Assert.Equal(("岗位调整", "人事科"), (history.Entries[1].Reason, history.Entries[1].ChangedBy));
        Assert.Equal(_host.Clock.GetUtcNow(), history.Entries[1].ValidFrom.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_change_needs_a_reason_and_a_valid_profile()
    {
        var member = await _host.RegisterAsync();
        var request = ChangeOf(member, "");
        request.Reason = "";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateStaffMemberAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("post", error.Fields());
        request.Post = "登记员";
        error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateStaffMemberAsync(request).ResponseAsync);
        Assert.Equal(["reason"], error.Fields());
        var history = await Client.ListStaffHistoryAsync(new ListStaffHistoryRequest { StaffId = member.StaffId });
        Assert.Single(history.Entries);
    }

    [Fact]
    public async Task A_change_made_from_a_stale_version_is_refused()
    {
        var member = await _host.RegisterAsync();
        var first = ChangeOf(member, "A");
        first.ExpectedVersion = 1;
        await Client.UpdateStaffMemberAsync(first);
        var second = ChangeOf(member, "B");
        second.ExpectedVersion = 1;
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateStaffMemberAsync(second).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("version 2", error.Status.Detail);
        Assert.Equal("A", (await Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = member.StaffId })).Post);
    }

    [Fact]
    public async Task A_retried_change_is_applied_once()
    {
        var member = await _host.RegisterAsync();
        var change = ChangeOf(member, "A");
        change.IdempotencyKey = "chg-1";
        var first = await Client.UpdateStaffMemberAsync(change);
        var again = await Client.UpdateStaffMemberAsync(change);
        Assert.Equal((2, 2), (first.Version, again.Version));
        var history = await Client.ListStaffHistoryAsync(new ListStaffHistoryRequest { StaffId = member.StaffId });
        Assert.Equal(2, history.Entries.Count);
    }

    [Fact]
    public async Task A_change_to_another_members_badge_is_409_like_registration()
    {
        var holder = await _host.RegisterAsync();
        var member = await _host.RegisterAsync();
        var change = ChangeOf(member, "A");
        change.BadgeNumber = holder.BadgeNumber;
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateStaffMemberAsync(change).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task The_duty_status_of_a_day_shows_on_the_roster_and_the_wall()
    {
        var present = await _host.RegisterAsync();
        var away = await _host.RegisterAsync();
        await Client.SetDutyStatusAsync(new SetDutyStatusRequest { StaffId = present.StaffId, Date = _host.Date(0), Status = V1.DutyStatus.OnDuty });
        await Client.SetDutyStatusAsync(new SetDutyStatusRequest { StaffId = away.StaffId, Date = _host.Date(0), Status = V1.DutyStatus.OnDuty });
        var corrected = await Client.SetDutyStatusAsync(new SetDutyStatusRequest
        {
            StaffId = away.StaffId, Date = _host.Date(0), Status = V1.DutyStatus.OnLeave, Note = "由王芳顶岗",
        });
        Assert.Equal(WindowType.MarriageRegistration, corrected.Window);

        var roster = await Client.ListDutyRosterAsync(new ListDutyRosterRequest { Window = WindowType.MarriageRegistration, Date = _host.Date(0) });
        Assert.Equal([(present.StaffId, V1.DutyStatus.OnDuty), (away.StaffId, V1.DutyStatus.OnLeave)],
            roster.Lines.Select(l => (l.Staff.StaffId, l.Status)));
        Assert.Equal("由王芳顶岗", roster.Lines[1].Note);

        var tomorrow = await Client.ListDutyRosterAsync(new ListDutyRosterRequest { Window = WindowType.MarriageRegistration, Date = _host.Date(1) });
        Assert.All(tomorrow.Lines, l => Assert.Equal(V1.DutyStatus.Unspecified, l.Status));

        var wall = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal([V1.DutyStatus.OnDuty, V1.DutyStatus.OnLeave], wall.Staff.Select(s => s.DutyToday));
        Assert.Equal(_host.Date(0), wall.Day);
    }

    [Fact]
    public async Task A_duty_status_needs_a_status_and_a_real_date()
    {
        var member = await _host.RegisterAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SetDutyStatusAsync(new SetDutyStatusRequest
        {
            StaffId = member.StaffId, Date = "2026-13-01",
        }).ResponseAsync);
        Assert.Equal(["date", "status"], error.Fields());
        error = await Assert.ThrowsAsync<RpcException>(() => Client.SetDutyStatusAsync(new SetDutyStatusRequest
        {
            StaffId = "nobody", Date = _host.Date(0), Status = V1.DutyStatus.Out,
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
