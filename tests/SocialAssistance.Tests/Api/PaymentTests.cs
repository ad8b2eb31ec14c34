using System.Net;
using System.Net.Http.Json;
using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

public sealed class PaymentTests : FreshHostTests
{
    private Task<V1.PaymentRun> RunAsync(string month, string key = "") =>
        Host.Client.RunMonthlyPaymentsAsync(new RunMonthlyPaymentsRequest { Month = month, IdempotencyKey = key }).ResponseAsync;

    [Fact]
    public async Task An_active_case_is_paid_from_the_month_after_confirmation_once_a_month_however_often_the_run_repeats()
    {
        var (household, submitted) = await Steps.SubmittedAsync(AssistanceHost.Couple(50_000, 0));
        await Steps.PostedAsync(submitted.ApplicationId, 50_000, 0);
        Host.SetToday(new DateOnly(2026, 11, 9));
        var active = await Steps.ConfirmAsync(submitted.ApplicationId);

        var november = await RunAsync("2026-11");
        Assert.Equal(0, november.PaidCount); // benefit starts in December
        await RpcAssert.Fails(StatusCode.FailedPrecondition, () => RunAsync("2026-12"));

        Host.SetToday(new DateOnly(2026, 12, 10));
        var december = await RunAsync("2026-12");
        var again = await RunAsync("2026-12");

        Assert.Equal((1, active.MonthlyBenefitFen), (december.PaidCount, december.TotalPaidFen));
        Assert.Equal((0, 1, 0L), (again.PaidCount, again.AlreadyPaidCount, again.TotalPaidFen));
        var ledger = await Host.Client.ListHouseholdPaymentsAsync(new ListHouseholdPaymentsRequest { HouseholdId = household.HouseholdId });
        var payment = Assert.Single(ledger.Payments);
        Assert.Equal(("2026-12", Programme.Dibao, active.MonthlyBenefitFen, submitted.ApplicationId, december.RunId),
            (payment.Month, payment.Programme, payment.AmountFen, payment.CaseId, payment.Source));
    }

    [Fact]
    public async Task A_retried_run_with_its_key_replays_the_first_summary()
    {
        var first = await RunAsync("2026-11", "run-nov");
        var retry = await RunAsync("2026-11", "run-nov");

        Assert.Equal(first, retry);
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => RunAsync("2026-10", "run-nov"));
        Assert.Equal(["idempotency_key"], error.Fields());
    }

    [Fact]
    public async Task Bad_months_and_unknown_households_are_refused_over_rest()
    {
        var http = Host.CreateClient();
        var bad = await http.PostAsJsonAsync("/api/assistance/v1/payment-runs", new { month = "2026-13" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("month", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/assistance/v1/households/hh_missing/payments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/assistance/v1/payment-runs", new { month = "2026-11" })).StatusCode);
    }
}
