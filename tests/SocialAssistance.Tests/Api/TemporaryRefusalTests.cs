using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Temporary assistance on the normal route: objections during the posting and a refusal with written reasons (issue 17).</summary>
public sealed class TemporaryRefusalTests : FreshHostTests
{
    [Fact]
    public async Task An_upheld_objection_blocks_approval_and_the_case_is_refused_with_reasons_and_notified()
    {
        var household = await Host.RegisterAsync();
        var applied = await Host.Client.ApplyTemporaryAssistanceAsync(new ApplyTemporaryAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 200_000, Reason = "子女大病住院", StaffId = StaffConductServer.Clerk,
        });
        await Host.Client.PostTemporaryAssistanceAsync(new PostTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Clerk });
        var objected = await Host.Client.LodgeSupportObjectionAsync(new LodgeSupportObjectionRequest { CaseId = applied.CaseId, Text = "住院费用已由商业保险赔付" });
        var objection = Assert.Single(objected.Objections);

        Host.SetToday(new DateOnly(2026, 11, 9));
        var late = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.LodgeSupportObjectionAsync(
            new LodgeSupportObjectionRequest { CaseId = applied.CaseId, Text = "again" }).ResponseAsync);
        Assert.Equal("posting-closed", late.Rule());
        var approve = new ApproveTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Approver };
        Assert.Equal("objection-unresolved", (await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApproveTemporaryAssistanceAsync(approve).ResponseAsync)).Rule());
        await Host.Client.ResolveSupportObjectionAsync(new ResolveSupportObjectionRequest
        {
            CaseId = applied.CaseId, ObjectionId = objection.ObjectionId, StaffId = StaffConductServer.Approver, Resolution = "核实保险已赔付 18000 元", Upheld = true,
        });
        Assert.Equal("objection-upheld", (await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApproveTemporaryAssistanceAsync(approve).ResponseAsync)).Rule());

        var refuse = new RefuseTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Approver, Reasons = " " };
        Assert.Equal(["reasons"], (await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.RefuseTemporaryAssistanceAsync(refuse).ResponseAsync)).Fields());
        refuse.Reasons = "异议成立: 医疗费用已由商业保险赔付, 不再符合临时救助条件";
        var refused = await Host.Client.RefuseTemporaryAssistanceAsync(refuse);

        Assert.Equal((SupportStatus.SupportRefused, refuse.Reasons, "2026-11-12"), (refused.Status, refused.RefusalReasons, refused.RefusalNotifyBy));
        Host.SetToday(new DateOnly(2026, 11, 13));
        Assert.True((await Host.Client.GetSupportCaseAsync(new GetSupportCaseRequest { CaseId = applied.CaseId })).RefusalNoticeOverdue);
        var notified = await Host.Client.RecordSupportRefusalNoticeAsync(new RecordSupportRefusalNoticeRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Clerk });
        Assert.Equal(("2026-11-13", false), (notified.RefusalNotifiedOn, notified.RefusalNoticeOverdue));
        Assert.Empty(await Steps.LedgerAsync(household.HouseholdId));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApproveTemporaryAssistanceAsync(approve).ResponseAsync);
    }
}
