using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>
/// The "Done when" scenarios of the social-assistance issue, run in memory and again through the gateway
/// (<see cref="ScenariosThroughGatewayTests"/>), so both run the very same steps.
/// </summary>
public static class DoneWhenScenarios
{
    /// <summary>The couple's monthly benefit: twice the standard less their 500 yuan income.</summary>
    public const long Benefit = 2 * AssistanceHost.Standard - 50_000;

    public static async Task ThirdPaymentAndPeriodicReviewAsync(AssistanceHost host, CaseSteps steps)
    {
        var (household, active) = await steps.ActiveCaseAsync();
        Assert.Equal((ReviewCategory.Quarterly, "2027-02-09"), (active.ReviewCategory, active.NextReviewDue));

        await steps.PayAsync(new DateOnly(2026, 12, 10));
        await steps.PayAsync(new DateOnly(2027, 1, 11));
        await steps.PayAsync(new DateOnly(2027, 2, 10));

        var ledger = await steps.LedgerAsync(household.HouseholdId);
        Assert.Equal(["2026-12", "2027-01", "2027-02"], ledger.Select(p => p.Month));
        Assert.All(ledger, p => Assert.Equal(Benefit, p.AmountFen));
        var due = await host.Client.ListDueReviewsAsync(new ListDueReviewsRequest());
        Assert.Equal(("2027-02-09", ReviewCategory.Quarterly), (Assert.Single(due.Reviews).DueOn, due.Reviews[0].ReviewCategory));

        var reviewed = await host.Client.RecordReviewAsync(new RecordReviewRequest
        {
            ApplicationId = active.ApplicationId, StaffId = StaffConductServer.Caseworker, Notes = "入户复核: 情况无变化",
        });

        Assert.Equal(("2027-05-10", Benefit, ApplicationStatus.Active), (reviewed.NextReviewDue, reviewed.MonthlyBenefitFen, reviewed.Status));
        Assert.Equal("UNCHANGED", reviewed.Adjustments[^1].Kind);
        Assert.Empty((await host.Client.ListDueReviewsAsync(new ListDueReviewsRequest())).Reviews);
    }

    public static async Task EmergencyFastTrackAsync(AssistanceHost host, CaseSteps steps)
    {
        var household = await host.RegisterAsync();

        var granted = await steps.EmergencyAsync(household.HouseholdId);

        Assert.Equal((SupportStatus.PaperworkPending, "2026-11-02", "2026-11-09", true), (granted.Status, granted.PaidOn, granted.PaperworkDue, granted.Emergency));
        var payment = Assert.Single(await steps.LedgerAsync(household.HouseholdId));
        Assert.Equal((Programme.Temporary, "2026-11", 100_000L, granted.CaseId), (payment.Programme, payment.Month, payment.AmountFen, payment.CaseId));

        host.SetToday(new DateOnly(2026, 11, 10));
        var pending = await host.Client.ListPendingPaperworkAsync(new ListPendingPaperworkRequest());
        Assert.True(Assert.Single(pending.Cases).PaperworkOverdue);

        var completed = await host.Client.CompletePaperworkAsync(new CompletePaperworkRequest
        {
            CaseId = granted.CaseId, StaffId = StaffConductServer.Caseworker, Notes = "申请书, 火灾证明, 入户调查表已补齐",
        });
        Assert.Equal((SupportStatus.PaperworkCompleted, "2026-11-10"), (completed.Status, completed.PaperworkCompletedOn));
        Assert.Empty((await host.Client.ListPendingPaperworkAsync(new ListPendingPaperworkRequest())).Cases);
        Assert.Equal(["emergency-paid", "paperwork-completed"], completed.History.Select(e => e.Action));
        var again = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => host.Client.CompletePaperworkAsync(new CompletePaperworkRequest
        {
            CaseId = granted.CaseId, StaffId = StaffConductServer.Caseworker, Notes = "again",
        }).ResponseAsync);
        Assert.Equal("illegal-transition", again.Rule());
        Assert.Contains("COMPLETED", again.Status.Detail);
    }
}
