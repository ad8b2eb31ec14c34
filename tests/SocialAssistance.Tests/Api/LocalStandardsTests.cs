using CivilAffairs.SocialAssistance.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>New local standards take effect from their date, for every case then active (issue 17).</summary>
public sealed class LocalStandardsTests() : DatedHostTests(new DateOnly(2026, 6, 1))
{
    [Fact]
    public Task A_standard_raised_from_1_July_2026_is_paid_in_August_to_a_case_confirmed_in_June() =>
        DoneWhenScenarios.StandardRaisedFromJulyPaidInAugustAsync(Host, Steps);

    [Fact]
    public async Task A_standard_announced_before_a_confirmation_pays_its_month_from_the_start()
    {
        var (household, submitted) = await Steps.SubmittedAsync(AssistanceHost.Couple(50_000, 0));
        await Steps.PostedAsync(submitted.ApplicationId, 50_000, 0);
        Host.SetToday(new DateOnly(2026, 6, 5));
        await Host.Client.PublishLocalStandardAsync(new PublishLocalStandardRequest
        {
            CountyCode = "110105", EffectiveFrom = "2026-08-01", MonthlyStandardFen = 150_000, AssetLimitPerCapitaFen = 3_600_000,
            StaffId = StaffConductServer.Clerk,
        });
        Host.SetToday(new DateOnly(2026, 6, 8));

        var confirmed = await Steps.ConfirmAsync(submitted.ApplicationId);

        Assert.Equal([("2026-07", DoneWhenScenarios.Benefit), ("2026-08", 250_000L), ("2027-07", 254_000L)],
            confirmed.Amounts.Select(a => (a.FromMonth, a.AmountFen)));
        await Steps.PayAsync(new DateOnly(2026, 7, 10));
        await Steps.PayAsync(new DateOnly(2026, 8, 10));
        Assert.Equal([DoneWhenScenarios.Benefit, 250_000L], (await Steps.LedgerAsync(household.HouseholdId)).Select(p => p.AmountFen));
    }

    [Theory]
    [InlineData(long.MaxValue, 3_600_000L, "monthly_standard_fen")]
    [InlineData(0L, 3_600_000L, "monthly_standard_fen")]
    [InlineData(150_000L, long.MinValue, "asset_limit_per_capita_fen")]
    public async Task A_standard_no_county_can_have_is_refused_naming_the_field(long monthly, long assets, string field)
    {
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => Host.Client.PublishLocalStandardAsync(new PublishLocalStandardRequest
        {
            CountyCode = "110105", EffectiveFrom = "2026-07-01", MonthlyStandardFen = monthly, AssetLimitPerCapitaFen = assets, StaffId = StaffConductServer.Clerk,
        }).ResponseAsync);

        Assert.Equal([field], error.Fields());
        Assert.DoesNotContain((await Host.Client.ListLocalStandardsAsync(new ListLocalStandardsRequest { CountyCode = "110105" })).Standards,
            s => s.EffectiveFrom == "2026-07-01");
    }
}
