using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
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

    /// <summary>
    /// Issue 17: a case confirmed in June 2026 (paid from July at 1,470 yuan a person); the July run pays that; the bureau
    /// then publishes 1,500 yuan from 1 July 2026; the case is computed again from July, the change on record, and the
    /// August run pays the new amount. The host starts on Monday 1 June 2026.
    /// </summary>
    public static async Task StandardRaisedFromJulyPaidInAugustAsync(AssistanceHost host, CaseSteps steps)
    {
        var (household, submitted) = await steps.SubmittedAsync(AssistanceHost.Couple(50_000, 0));
        await steps.PostedAsync(submitted.ApplicationId, 50_000, 0);
        host.SetToday(new DateOnly(2026, 6, 8));
        var confirmed = await steps.ConfirmAsync(submitted.ApplicationId);
        Assert.Equal(("2026-07", Benefit), (confirmed.BenefitStartMonth, confirmed.MonthlyBenefitFen));
        await steps.PayAsync(new DateOnly(2026, 7, 10));

        host.SetToday(new DateOnly(2026, 7, 15));
        var published = await host.Client.PublishLocalStandardAsync(new PublishLocalStandardRequest
        {
            CountyCode = "110105", EffectiveFrom = "2026-07-01", MonthlyStandardFen = 150_000, AssetLimitPerCapitaFen = 3_600_000,
            StaffId = StaffConductServer.Clerk,
        });

        const long raised = 2 * 150_000 - 50_000;
        var change = Assert.Single(published.Changes);
        Assert.Equal((submitted.ApplicationId, "2026-07", Benefit, raised), (change.ApplicationId, change.FromMonth, change.BeforeFen, change.AfterFen));
        var recomputed = await host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId });
        var adjustment = recomputed.Adjustments[^1];
        Assert.Equal(("INCREASE", Benefit, raised, "2026-07"), (adjustment.Kind, adjustment.BenefitBeforeFen, adjustment.BenefitAfterFen, adjustment.FromMonth));
        Assert.Contains("147000 -> 150000 fen a person from 2026-07-01", adjustment.Reasons);
        Assert.Contains($"2026-07 was paid {Benefit} fen", adjustment.Reasons);
        Assert.Equal(raised, recomputed.MonthlyBenefitFen);
        var again = await RpcAssert.Fails(StatusCode.AlreadyExists, () => host.Client.PublishLocalStandardAsync(new PublishLocalStandardRequest
        {
            CountyCode = "110105", EffectiveFrom = "2026-07-01", MonthlyStandardFen = 160_000, AssetLimitPerCapitaFen = 3_600_000,
            StaffId = StaffConductServer.Clerk,
        }).ResponseAsync);
        Assert.Contains("2026-07-01", again.Status.Detail);

        await steps.PayAsync(new DateOnly(2026, 8, 10));

        var ledger = await steps.LedgerAsync(household.HouseholdId);
        Assert.Equal([("2026-07", Benefit), ("2026-08", raised)], ledger.Select(p => (p.Month, p.AmountFen)));
        var standards = await host.Client.ListLocalStandardsAsync(new ListLocalStandardsRequest { CountyCode = "110105" });
        Assert.Contains(standards.Standards, s => s is { EffectiveFrom: "2026-07-01", MonthlyStandardFen: 150_000, PublishedBy: StaffConductServer.Clerk });
    }

    /// <summary>
    /// Issue 17: a 70-year-old living alone on a small pension (300 yuan) is without work capacity (60 and over) and without
    /// means of living (below the 1,470-yuan standard): supported from December; a death recorded on 5 January 2027 stops
    /// the support with its written reasons, paid for January, no longer from February.
    /// </summary>
    public static async Task ElderlyWithSmallPensionStoppedAfterDeathAsync(AssistanceHost host, CaseSteps steps)
    {
        var household = await host.RegisterAsync(AssistanceHost.Household(new MemberInput
        {
            Name = "赵老太", IdNumber = IdNumbers.Woman(70, on: host.Today), Relation = Relation.Head, MonthlyIncomeFen = 30_000,
        }));
        var request = new ApplyExtremePovertyRequest
        {
            HouseholdId = household.HouseholdId, MemberIndex = 0, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk,
            Incomes = { new IncomeItem { Kind = IncomeKind.EmployeePension, MonthlyFen = 30_000 } },
        };
        var supported = await host.Client.ApplyExtremePovertyAsync(request);
        Assert.Equal((SupportStatus.SupportActive, "2026-12", "2027-11-02"), (supported.Status, supported.SupportStartMonth, supported.NextReviewDue));
        Assert.Equal((70, true, true, 30_000L, AssistanceHost.Standard), (supported.Eligibility.Age, supported.Eligibility.WithoutWorkCapacity,
            supported.Eligibility.WithoutMeansOfLiving, supported.Eligibility.MonthlyIncomeFen, supported.Eligibility.LocalStandardFen));
        await steps.PayAsync(new DateOnly(2026, 12, 10));

        host.SetToday(new DateOnly(2027, 1, 5));
        var stop = new EndExtremePovertyRequest
        {
            CaseId = supported.CaseId, StaffId = StaffConductServer.Caseworker, Ground = SupportEndGround.Death, OccurredOn = "2027-01-03", Reasons = "",
        };
        var noReasons = await RpcAssert.Fails(StatusCode.InvalidArgument, () => host.Client.StopExtremePovertyAsync(stop).ResponseAsync);
        Assert.Equal(["reasons"], noReasons.Fields());
        stop.Reasons = "本人于 2027-01-03 病故, 据死亡医学证明";
        var stopped = await host.Client.StopExtremePovertyAsync(stop);

        Assert.Equal((SupportStatus.SupportStopped, SupportEndGround.Death, "2027-01", "2027-01-03", "2027-01-05"),
            (stopped.Status, stopped.EndGround, stopped.PaidThroughMonth, stopped.GroundOccurredOn, stopped.EndedOn));
        Assert.Equal(stop.Reasons, stopped.EndReasons);
        Assert.Equal("stopped", stopped.History[^1].Action);
        await steps.PayAsync(new DateOnly(2027, 1, 11));
        await steps.PayAsync(new DateOnly(2027, 2, 10));
        var ledger = await steps.LedgerAsync(household.HouseholdId);
        Assert.Equal(["2026-12", "2027-01"], ledger.Select(p => p.Month));
        Assert.All(ledger, p => Assert.Equal(Programme.ExtremePoverty, p.Programme));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => host.Client.StopExtremePovertyAsync(stop).ResponseAsync);
    }
}
