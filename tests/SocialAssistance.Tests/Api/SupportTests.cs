using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Extreme-poverty support and temporary assistance, with the emergency fast track.</summary>
public sealed class SupportTests : FreshHostTests
{
    private Task<V1.SupportCase> EmergencyAsync(string householdId, long amountFen = 100_000) => Steps.EmergencyAsync(householdId, amountFen);

    private Task<IReadOnlyList<PaymentEntry>> LedgerAsync(string householdId) => Steps.LedgerAsync(householdId);

    [Fact]
    public Task The_emergency_fast_track_pays_first_and_tracks_the_paperwork_until_done() =>
        DoneWhenScenarios.EmergencyFastTrackAsync(Host, Steps);

    [Fact]
    public async Task A_second_temporary_payment_in_the_month_is_refused_and_writes_nothing()
    {
        var household = await Host.RegisterAsync();
        await EmergencyAsync(household.HouseholdId);

        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => EmergencyAsync(household.HouseholdId, 50_000));

        Assert.Equal("already-paid-this-month", error.Rule());
        Assert.Single(await LedgerAsync(household.HouseholdId));
        Assert.Single((await Host.Client.ListPendingPaperworkAsync(new ListPendingPaperworkRequest())).Cases);
    }

    [Fact]
    public async Task The_normal_route_is_posted_then_approved_and_paid_by_a_second_staff_member_within_the_limit()
    {
        var household = await Host.RegisterAsync();
        var tooMuch = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApplyTemporaryAssistanceAsync(new ApplyTemporaryAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 3 * 2 * AssistanceHost.Standard + 1, Reason = "大病", StaffId = StaffConductServer.Clerk,
        }).ResponseAsync);
        Assert.Equal("amount-over-limit", tooMuch.Rule());

        var applied = await Host.Client.ApplyTemporaryAssistanceAsync(new ApplyTemporaryAssistanceRequest
        {
            HouseholdId = household.HouseholdId, AmountFen = 200_000, Reason = "子女大病住院", StaffId = StaffConductServer.Clerk,
        });
        Assert.Equal(SupportStatus.SupportSubmitted, applied.Status);
        var unposted = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApproveTemporaryAssistanceAsync(
            new ApproveTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Approver }).ResponseAsync);
        Assert.Contains("SUBMITTED", unposted.Status.Detail);
        var posted = await Host.Client.PostTemporaryAssistanceAsync(new PostTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Clerk });
        Assert.Equal((SupportStatus.SupportPosted, "2026-11-02", "2026-11-08"), (posted.Status, posted.PostingStartsOn, posted.PostingEndsOn));
        var line = Assert.Single((await Host.Client.ListPublicPostingsAsync(new ListPublicPostingsRequest { CountyCode = "110105" })).Postings);
        Assert.Equal((applied.CaseId, Programme.Temporary, 200_000L, "王*国"), (line.ApplicationId, line.Programme, line.AmountFen, line.Head.MaskedName));
        var early = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApproveTemporaryAssistanceAsync(
            new ApproveTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Approver }).ResponseAsync);
        Assert.Equal("posting-not-ended", early.Rule());
        Assert.Empty(await LedgerAsync(household.HouseholdId));
        Host.SetToday(new DateOnly(2026, 11, 9));
        var sameClerk = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApproveTemporaryAssistanceAsync(
            new ApproveTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Clerk }).ResponseAsync);
        Assert.Equal("four-eyes", sameClerk.Rule());

        var paid = await Host.Client.ApproveTemporaryAssistanceAsync(new ApproveTemporaryAssistanceRequest { CaseId = applied.CaseId, StaffId = StaffConductServer.Approver });

        Assert.Equal((SupportStatus.SupportPaid, StaffConductServer.Approver), (paid.Status, paid.ApprovedBy));
        Assert.Equal(200_000, Assert.Single(await LedgerAsync(household.HouseholdId)).AmountFen);
    }

    [Fact]
    public async Task An_eligible_elderly_member_gets_extreme_poverty_support_paid_by_the_monthly_run()
    {
        var elderly = IdNumbers.Man(72, on: new DateOnly(2026, 11, 2));
        var household = await Host.RegisterAsync(AssistanceHost.Household(
            new MemberInput { Name = "孙老汉", IdNumber = elderly, Relation = Relation.Head, WorkCapacity = WorkCapacity.None, Health = HealthCondition.Healthy },
            new MemberInput { Name = "孙小强", IdNumber = IdNumbers.Man(30), Relation = Relation.Child, MonthlyIncomeFen = 300_000, WorkCapacity = WorkCapacity.Full }));
        var request = new ApplyExtremePovertyRequest
        {
            HouseholdId = household.HouseholdId, MemberIndex = 1, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk,
        };
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.Client.ApplyExtremePovertyAsync(request).ResponseAsync);
        Assert.Equal("not-extreme-poverty", refused.Rule());
        Assert.Contains("members[1]", refused.Status.Detail);
        Assert.Contains("is neither elderly, a child under the age limit, nor of a listed disability grade", refused.Status.Detail);
        Assert.Contains("counted income is not below the local dibao standard", refused.Status.Detail);

        request.MemberIndex = 0;
        var supported = await Host.Client.ApplyExtremePovertyAsync(request);

        Assert.Equal((SupportStatus.SupportActive, CareMode.Home, (AssistanceHost.Standard * 130 + 99) / 100, "2026-12"),
            (supported.Status, supported.CareMode, supported.MonthlySupportFen, supported.SupportStartMonth));
        Assert.Equal((72, true), (supported.Eligibility.Age, supported.Eligibility.Eligible));
        Assert.Equal("孙*汉", supported.Person.MaskedName);
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => Host.Client.ApplyExtremePovertyAsync(request).ResponseAsync);

        Host.SetToday(new DateOnly(2026, 12, 10));
        await Host.Client.RunMonthlyPaymentsAsync(new RunMonthlyPaymentsRequest { Month = "2026-12" });
        var payment = Assert.Single(await LedgerAsync(household.HouseholdId));
        Assert.Equal((Programme.ExtremePoverty, supported.MonthlySupportFen), (payment.Programme, payment.AmountFen));
    }
}
