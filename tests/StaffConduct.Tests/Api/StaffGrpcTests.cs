using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

public sealed class StaffGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_registered_staff_member_can_be_read_back_with_their_window()
    {
        var request = StaffHost.Member(WindowType.SocialAssistance);
        var registered = await Client.RegisterStaffMemberAsync(request);
        var read = await Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = registered.StaffId });
        Assert.Equal(registered, read);
        Assert.Equal(WindowType.SocialAssistance, read.Window);
        Assert.Equal(request.BadgeNumber, read.BadgeNumber);
        Assert.Equal(["受理结婚登记", "颁发结婚证"], read.Duties);
        Assert.True(read.PartyMember);
        Assert.Equal(_host.Clock.GetUtcNow(), read.RegisteredAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_stores_nothing()
    {
        var request = StaffHost.Member();
        request.Name = "";
        request.PhotoUrl = "javascript:alert(1)";
        request.Window = WindowType.Unspecified;
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterStaffMemberAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["name", "photo_url", "window"], error.Fields());
        var window = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Empty(window.Staff);
    }

    [Fact]
    public async Task A_badge_number_is_held_by_one_staff_member_only()
    {
        var first = StaffHost.Member();
        await Client.RegisterStaffMemberAsync(first);
        var second = StaffHost.Member(WindowType.ElderlyCare, badge: first.BadgeNumber, name: "李四");
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterStaffMemberAsync(second).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains(first.BadgeNumber, error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_staff_member_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = "nobody" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_retried_registration_with_the_same_key_returns_the_first_staff_member()
    {
        var request = StaffHost.Member();
        request.IdempotencyKey = "reg-1";
        var first = await Client.RegisterStaffMemberAsync(request);
        var again = await Client.RegisterStaffMemberAsync(request);
        Assert.Equal(first.StaffId, again.StaffId);

        var other = StaffHost.Member();
        other.IdempotencyKey = "reg-1";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterStaffMemberAsync(other).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["idempotency_key"], error.Fields());
    }

    [Fact]
    public async Task The_idempotency_key_also_travels_as_metadata()
    {
        var request = StaffHost.Member();
        var headers = new Metadata { { "idempotency-key", "reg-meta" } };
        var first = await Client.RegisterStaffMemberAsync(request, headers);
        var again = await Client.RegisterStaffMemberAsync(request, headers);
        Assert.Equal(first.StaffId, again.StaffId);
    }

    [Fact]
    public async Task A_commitment_is_published_and_shown_with_its_window()
    {
        var member = await _host.RegisterAsync(WindowType.FuneralServices);
        var commitment = await Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Text = "群众办事一次办好", Deadline = _host.Date(0),
        });
        Assert.Equal(V1.CommitmentStatus.Published, commitment.Status);
        Assert.Equal(WindowType.FuneralServices, commitment.Window);
        Assert.Equal(_host.Date(0), commitment.Deadline);
    }

    [Fact]
    public async Task A_commitment_needs_text_and_a_deadline_from_today_on()
    {
        var member = await _host.RegisterAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Text = " ", Deadline = _host.Date(-1),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["text", "deadline"], error.Fields());

        error = await Assert.ThrowsAsync<RpcException>(() => Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Text = "x", Deadline = "2026-02-30",
        }).ResponseAsync);
        Assert.Equal(["deadline"], error.Fields());

        var shown = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Empty(Assert.Single(shown.Staff).Commitments);
    }

    [Fact]
    public async Task A_commitment_for_an_unknown_staff_member_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = "nobody", Text = "x", Deadline = _host.Date(1),
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_commitment_not_kept_by_its_deadline_shows_overdue_the_next_day()
    {
        var member = await _host.RegisterAsync();
        await Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Text = "十分钟办结", Deadline = _host.Date(2),
        });
        var request = new ListWindowStaffRequest { Window = WindowType.MarriageRegistration };

        _host.Clock.Advance(TimeSpan.FromDays(2));
        var onDeadline = await Client.ListWindowStaffAsync(request);
        Assert.Equal(V1.CommitmentStatus.Published, Assert.Single(Assert.Single(onDeadline.Staff).Commitments).Status);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        var after = await Client.ListWindowStaffAsync(request);
        Assert.Equal(V1.CommitmentStatus.Overdue, Assert.Single(Assert.Single(after.Staff).Commitments).Status);
    }

    [Fact]
    public async Task A_retried_commitment_is_published_once()
    {
        var member = await _host.RegisterAsync();
        var request = new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Text = "微笑服务", Deadline = _host.Date(5), IdempotencyKey = "c-1",
        };
        var first = await Client.PublishCommitmentAsync(request);
        var again = await Client.PublishCommitmentAsync(request);
        Assert.Equal(first.CommitmentId, again.CommitmentId);
        var shown = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Single(Assert.Single(shown.Staff).Commitments);
    }

    [Fact]
    public async Task A_window_shows_only_its_own_staff_and_an_office_filter_narrows_it()
    {
        var here = await _host.RegisterAsync(WindowType.MarriageRegistration, "office-1");
        var otherOffice = await _host.RegisterAsync(WindowType.MarriageRegistration, "office-2");
        await _host.RegisterAsync(WindowType.SocialAssistance, "office-1");

        var window = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(WindowType.MarriageRegistration, window.Window);
        // In badge order: the wall lists staff as their badges read.
        Assert.Equal([here.StaffId, otherOffice.StaffId], window.Staff.Select(s => s.Staff.StaffId).ToList());

        var office = await Client.ListWindowStaffAsync(new ListWindowStaffRequest
        {
            Window = WindowType.MarriageRegistration, OfficeId = "office-2",
        });
        Assert.Equal(otherOffice.StaffId, Assert.Single(office.Staff).Staff.StaffId);
    }

    [Fact]
    public async Task Listing_needs_one_of_the_ten_windows()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListWindowStaffAsync(new ListWindowStaffRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["window"], error.Fields());
    }
}
