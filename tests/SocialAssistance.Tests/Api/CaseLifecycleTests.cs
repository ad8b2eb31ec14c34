using System.Net;
using System.Net.Http.Json;
using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Active cases over months: payments, reported changes, adjustments and periodic reviews.</summary>
public sealed class CaseLifecycleTests : FreshHostTests
{
    private const long Benefit = DoneWhenScenarios.Benefit;

    private Task<(V1.Household Household, V1.DibaoApplication Case)> ActiveCaseAsync() => Steps.ActiveCaseAsync();

    private Task<V1.PaymentRun> PayAsync(DateOnly day) => Steps.PayAsync(day);

    private Task<V1.DibaoApplication> AdjustAsync(string caseId, AdjustmentAction action, string reasons = "") =>
        Host.Client.AdjustBenefitAsync(new AdjustBenefitRequest
        {
            ApplicationId = caseId, StaffId = StaffConductServer.Clerk, Action = action, Reasons = reasons,
        }).ResponseAsync;

    private Task<IReadOnlyList<PaymentEntry>> LedgerAsync(string householdId) => Steps.LedgerAsync(householdId);

    [Fact]
    public Task A_household_is_walked_from_application_to_its_third_monthly_payment_and_a_periodic_review() =>
        DoneWhenScenarios.ThirdPaymentAndPeriodicReviewAsync(Host, Steps);

    [Fact]
    public async Task A_reported_change_lowers_the_next_payment_and_a_suspension_stops_payments_until_resumed()
    {
        var (household, active) = await ActiveCaseAsync();
        await PayAsync(new DateOnly(2026, 12, 10));

        var changed = await Host.Client.ReportHouseholdChangeAsync(new ReportHouseholdChangeRequest
        {
            HouseholdId = household.HouseholdId, MonthlyIncomesFen = { 100_000, 0 }, Note = "户主找到临时工作",
        });
        Assert.Equal((100_000L, 2), (changed.TotalMonthlyIncomeFen, changed.Version));
        Assert.Equal([50_000L, 0L], Assert.Single(changed.Changes).IncomesBeforeFen);
        var recalculated = await AdjustAsync(active.ApplicationId, AdjustmentAction.Recalculate);
        Assert.Equal(("DECREASE", Benefit, Benefit - 50_000), (recalculated.Adjustments[^1].Kind, recalculated.Adjustments[^1].BenefitBeforeFen, recalculated.MonthlyBenefitFen));
        await PayAsync(new DateOnly(2027, 1, 11));

        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => AdjustAsync(active.ApplicationId, AdjustmentAction.Suspend));
        Assert.Equal(["reasons"], error.Fields());
        await AdjustAsync(active.ApplicationId, AdjustmentAction.Suspend, "三次无正当理由拒绝介绍的工作");
        var february = await PayAsync(new DateOnly(2027, 2, 10));
        Assert.Equal(0, february.PaidCount);
        await AdjustAsync(active.ApplicationId, AdjustmentAction.Resume, "已接受工作安排");
        await PayAsync(new DateOnly(2027, 3, 10));

        Assert.Equal([("2026-12", Benefit), ("2027-01", Benefit - 50_000), ("2027-03", Benefit - 50_000)],
            (await LedgerAsync(household.HouseholdId)).Select(p => (p.Month, p.AmountFen)));
    }

    [Fact]
    public async Task A_household_no_longer_eligible_is_terminated_over_rest_and_may_apply_again()
    {
        var (household, active) = await ActiveCaseAsync();
        await Host.Client.ReportHouseholdChangeAsync(new ReportHouseholdChangeRequest
        {
            HouseholdId = household.HouseholdId, MonthlyIncomesFen = { 300_000, 100_000 }, Note = "夫妻均已就业",
        });
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => AdjustAsync(active.ApplicationId, AdjustmentAction.Recalculate));
        Assert.Equal("no-longer-eligible", refused.Rule());

        var http = Host.CreateClient();
        var terminated = await http.PostAsJsonAsync($"/api/assistance/v1/applications/{active.ApplicationId}/adjustments",
            new { staffId = StaffConductServer.Clerk, action = "TERMINATE", reasons = "家庭人均收入已超过当地低保标准" });
        Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        Assert.Contains("TERMINATED", await terminated.Content.ReadAsStringAsync());

        Host.SetToday(new DateOnly(2026, 12, 10));
        Assert.Equal(0, (await Host.Client.RunMonthlyPaymentsAsync(new RunMonthlyPaymentsRequest { Month = "2026-12" })).PaidCount);
        await Host.ApplyAsync(household.HouseholdId);
    }

    [Fact]
    public async Task A_member_who_left_may_join_another_household_but_not_while_still_a_member()
    {
        var second = await Host.RegisterAsync();
        var registration = AssistanceHost.Couple();
        var moving = registration.Members[1];
        var third = await Host.RegisterAsync(registration);

        var join = new ReportHouseholdChangeRequest
        {
            HouseholdId = second.HouseholdId, MonthlyIncomesFen = { 60_000, 0 }, Note = "再婚迁入", MembersJoining = { new MemberInput(moving) { Relation = Relation.Other } },
        };
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ReportHouseholdChangeAsync(join).ResponseAsync);
        Assert.Contains("members_joining[0]", refused.Status.Detail);
        Assert.DoesNotContain(moving.IdNumber, refused.Status.Detail);

        await Host.Client.ReportHouseholdChangeAsync(new ReportHouseholdChangeRequest
        {
            HouseholdId = third.HouseholdId, MonthlyIncomesFen = { 60_000, 0 }, Note = "迁出", MembersLeaving = { 1 },
        });
        var joined = await Host.Client.ReportHouseholdChangeAsync(join);

        Assert.Equal(3, joined.Members.Count);
        Assert.Equal(CivilAffairs.SharedKernel.Masking.MaskIdNumber(moving.IdNumber), Assert.Single(Assert.Single(joined.Changes).MembersJoined).MaskedIdNumber);
    }

    [Fact]
    public async Task A_review_after_the_household_lost_its_work_capacity_moves_the_next_review_to_six_months()
    {
        var (household, active) = await ActiveCaseAsync();
        await Host.Client.ReportHouseholdChangeAsync(new ReportHouseholdChangeRequest
        {
            HouseholdId = household.HouseholdId, MonthlyIncomesFen = { 0, 0 }, Note = "户主重病, 夫妻均丧失劳动能力",
            MemberUpdates =
            {
                new MemberUpdate { MemberIndex = 0, WorkCapacity = WorkCapacity.None, Health = HealthCondition.SeriousIllness },
                new MemberUpdate { MemberIndex = 1, WorkCapacity = WorkCapacity.None },
            },
        });
        Host.SetToday(new DateOnly(2027, 2, 9));

        var reviewed = await Host.Client.RecordReviewAsync(new RecordReviewRequest
        {
            ApplicationId = active.ApplicationId, StaffId = StaffConductServer.Caseworker, Notes = "入户复核: 户主重病",
        });

        Assert.Equal((ReviewCategory.SixMonthly, "2027-08-09"), (reviewed.ReviewCategory, reviewed.NextReviewDue));
        Assert.Equal(("INCREASE", 2 * AssistanceHost.Standard), (reviewed.Adjustments[^1].Kind, reviewed.MonthlyBenefitFen));
    }
}
