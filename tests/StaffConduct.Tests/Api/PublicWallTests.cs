using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.Api;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>What the public routes (the hall wall of a window, its designations, the catalogue) show, and what never gets there.</summary>
public sealed class PublicWallTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_NUL_in_a_staff_name_is_refused_naming_the_field_and_never_reaches_the_public_wall()
    {
        var withNul = StaffHost.Member(name: "张\u0000晓明");
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterStaffMemberAsync(withNul).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["name"], refused.Fields());

        var member = await _host.RegisterAsync();
        var change = new UpdateStaffMemberRequest
        {
            StaffId = member.StaffId, Name = "张晓明", BadgeNumber = member.BadgeNumber, PhotoUrl = member.PhotoUrl, Window = member.Window,
            OfficeId = member.OfficeId, Post = "婚姻登记员\u001b[2J", Duties = { "受理结婚登记", "颁发\u0007结婚证" }, Reason = "岗位调整", ChangedBy = "人事科",
        };
        var badUpdate = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateStaffMemberAsync(change).ResponseAsync);
        Assert.Equal(["post", "duties[1]"], badUpdate.Fields());

        var wall = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });
        var shown = Assert.Single(wall.Staff);
        Assert.Equal(("张晓明", "婚姻登记员", 1), (shown.Staff.Name, shown.Staff.Post, shown.Staff.Version));
    }

    [Fact]
    public async Task The_public_wall_masks_phone_and_ID_numbers_in_free_text_and_shows_the_staff_members_identity()
    {
        var request = StaffHost.Member(name: "张晓明");
        request.Duties.Add("预约咨询 13800138000");
        var member = await Client.RegisterStaffMemberAsync(request);
        await Client.PublishCommitmentAsync(new PublishCommitmentRequest
        {
            StaffId = member.StaffId, Deadline = _host.Date(10),
            Text = "办不成事请打+86 139-0013-9000，身份证号11010519491231002X的群众优先",
        });

        var wall = await Client.ListWindowStaffAsync(new ListWindowStaffRequest { Window = WindowType.MarriageRegistration });

        var shown = Assert.Single(wall.Staff);
        Assert.Equal("张晓明", shown.Staff.Name); // 亮身份: the staff member's own name is shown
        var text = wall.ToString();
        Assert.DoesNotContain("13800138000", text);
        Assert.DoesNotContain("0013-9000", text);
        Assert.DoesNotContain("11010519491231002X", text);
        Assert.Contains("110105********002X", shown.Commitments.Single().Text);
        Assert.Contains("预约咨询 138****8000", shown.Staff.Duties);

        // A partner reading the staff record itself (not a public route) reads what was registered.
        var record = await Client.GetStaffMemberAsync(new GetStaffMemberRequest { StaffId = member.StaffId });
        Assert.Contains("预约咨询 13800138000", record.Duties);
    }

    [Fact]
    public void A_control_character_kept_by_an_earlier_release_is_dropped_from_a_public_answer()
    {
        var answer = new ListWindowStaffResponse
        {
            Staff = { new StaffShowcase { Staff = new V1.StaffMember { Name = "张\u0000晓明", Duties = { "受理\u0007登记\n颁证" } } } },
        };
        var masked = PublicAnswer.Masked(answer);
        Assert.Equal("张晓明", masked.Staff[0].Staff.Name);
        Assert.Equal("受理登记\n颁证", masked.Staff[0].Staff.Duties[0]);
    }
}
