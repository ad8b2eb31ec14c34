using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.TestSupport;
using static CivilAffairs.SocialAssistance.Tests.Storage.Samples;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The ledger port as the domain relies on it, on each engine.</summary>
public sealed class PaymentStoreContract
{
    [MongoFact]
    public void The_MongoDB_engine_runs_the_same_contract_when_a_server_is_given() { }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_run_pays_each_household_once_a_month_per_programme(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var payments = new PaymentStore(fresh.Store);
        var (a, b) = ("hh_a", "hh_b");
        var december = new DateOnly(2026, 12, 1);

        var first = await payments.RecordRunAsync(new PaymentRun("run_1", december, Now, 0, 0, 0),
            [Payment(a, december, 97_000, "run_1"), Payment(b, december, 50_000, "run_1"), Payment(b, december, 30_000, "run_1", Programme.ExtremePoverty)]);
        var second = await payments.RecordRunAsync(new PaymentRun("run_2", december, Now, 0, 0, 0),
            [Payment(a, december, 97_000, "run_2"), Payment(a, december.AddMonths(1), 97_000, "run_2")]);

        Assert.Equal((3, 0, 177_000L), (first.PaidCount, first.AlreadyPaidCount, first.TotalPaidFen));
        Assert.Equal((1, 1, 97_000L), (second.PaidCount, second.AlreadyPaidCount, second.TotalPaidFen));
        Assert.Equal(first, await payments.GetRunAsync(first.Id));
        Assert.Null(await payments.GetRunAsync("run_unknown"));
        Assert.Equal([(december, "run_1"), (december.AddMonths(1), "run_2")], (await payments.ListByHouseholdAsync(a)).Select(p => (p.Month, p.Source)));
        Assert.Equal([Programme.Dibao, Programme.ExtremePoverty], (await payments.ListByHouseholdAsync(b)).Select(p => p.Programme));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_household_listed_twice_in_one_run_is_paid_once(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var payments = new PaymentStore(fresh.Store);
        var december = new DateOnly(2026, 12, 1);

        var run = await payments.RecordRunAsync(new PaymentRun("run_1", december, Now, 0, 0, 0),
            [Payment("hh_a", december, 97_000, "run_1"), Payment("hh_a", december, 97_000, "run_1")]);

        Assert.Equal((1, 1, 97_000L), (run.PaidCount, run.AlreadyPaidCount, run.TotalPaidFen));
        Assert.Single(await payments.ListByHouseholdAsync("hh_a"));
    }
}
