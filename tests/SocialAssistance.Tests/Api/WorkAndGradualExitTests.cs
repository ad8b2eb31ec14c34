using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Refusals of work counted per member and in a row; the gradual exit after employment (issue 17).</summary>
public sealed class WorkAndGradualExitTests : FreshHostTests
{
    private Task<V1.DibaoApplication> AdjustAsync(string applicationId, AdjustmentAction action, string reasons, int? member = null,
        bool employment = false)
    {
        var request = new AdjustBenefitRequest
        {
            ApplicationId = applicationId, StaffId = StaffConductServer.Caseworker, Action = action, Reasons = reasons, IncomeFromEmployment = employment,
        };
        if (member is { } index) request.MemberIndex = index;
        return Host.Client.AdjustBenefitAsync(request).ResponseAsync;
    }

    [Fact]
    public async Task A_workers_third_consecutive_refusal_cuts_only_his_share()
    {
        var (household, active) = await Steps.ActiveCaseAsync();
        var unnamed = await RpcAssert.Fails(StatusCode.InvalidArgument, () => AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "保洁岗位, 拒绝"));
        Assert.Equal(["member_index"], unnamed.Fields());

        await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "社区保洁岗位, 无正当理由拒绝", member: 0);
        await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "超市收银岗位, 无正当理由拒绝", member: 1);
        await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "超市理货岗位, 无正当理由拒绝", member: 0);
        var third = await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "物业门卫岗位, 无正当理由拒绝", member: 0);

        // 2,440 yuan for the couple, 1,220 each: his share stops, hers is paid, the case stays active.
        Assert.Equal((ApplicationStatus.Active, DoneWhenScenarios.Benefit / 2), (third.Status, third.MonthlyBenefitFen));
        var his = Assert.Single(third.MemberWork, w => w.ShareCut);
        Assert.Equal(("王*国", 3), (his.Person.MaskedName, his.ConsecutiveRefusals));
        Assert.Equal(1, Assert.Single(third.MemberWork, w => !w.ShareCut).ConsecutiveRefusals);
        Assert.Contains("refused suitable work 3 times in a row", third.Adjustments[^1].Reasons);
        await Steps.PayAsync(new DateOnly(2026, 12, 10));
        Assert.Equal(DoneWhenScenarios.Benefit / 2, Assert.Single(await Steps.LedgerAsync(household.HouseholdId)).AmountFen);
    }

    [Fact]
    public async Task An_accepted_job_starts_the_count_again()
    {
        var (_, active) = await Steps.ActiveCaseAsync();
        await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "保洁岗位, 拒绝", member: 0);
        await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "理货岗位, 拒绝", member: 0);
        await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordJobAccepted, "接受公益性岗位", member: 0);

        var after = await AdjustAsync(active.ApplicationId, AdjustmentAction.RecordWorkRefusal, "门卫岗位, 拒绝", member: 0);

        Assert.Equal((1, false, DoneWhenScenarios.Benefit), (after.MemberWork.Single().ConsecutiveRefusals, after.MemberWork.Single().ShareCut, after.MonthlyBenefitFen));
    }

    [Fact]
    public async Task Income_above_the_standard_through_employment_keeps_the_benefit_for_six_months()
    {
        var (household, active) = await Steps.ActiveCaseAsync();
        var change = new ReportHouseholdChangeRequest { HouseholdId = household.HouseholdId, Note = "户主在物流公司就业", FinancialAssetsFen = 0 };
        change.MonthlyIncomesFen.AddRange([400_000, 0]);
        await Host.Client.ReportHouseholdChangeAsync(change);

        var notSaid = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => AdjustAsync(active.ApplicationId, AdjustmentAction.Recalculate, "收入变化"));
        Assert.Equal("no-longer-eligible", notSaid.Rule());
        var exiting = await AdjustAsync(active.ApplicationId, AdjustmentAction.Recalculate, "户主就业, 收入超过标准", employment: true);

        Assert.Equal((ApplicationStatus.Active, "2027-05", "GRADUAL_EXIT"), (exiting.Status, exiting.GradualExitLastMonth, exiting.Adjustments[^1].Kind));
        await Steps.PayAsync(new DateOnly(2027, 5, 10));
        await Steps.PayAsync(new DateOnly(2027, 6, 10));
        var ledger = await Steps.LedgerAsync(household.HouseholdId);
        Assert.Equal([("2027-05", DoneWhenScenarios.Benefit)], ledger.Select(p => (p.Month, p.AmountFen)));
    }
}
