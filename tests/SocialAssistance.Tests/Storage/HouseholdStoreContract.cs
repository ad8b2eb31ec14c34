using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.TestSupport;
using static CivilAffairs.SocialAssistance.Tests.Storage.Samples;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The household port as the domain relies on it, on each engine.</summary>
public sealed class HouseholdStoreContract
{
    [MongoFact]
    public void The_MongoDB_engine_runs_the_same_contract_when_a_server_is_given() { }

    private static Household Changed(Household household, long[] incomes, int[]? leaving = null, params string[] joining) =>
        new HouseholdChangeReport(incomes, 100, "changed", leaving ?? [],
            joining.Select(id => new NewMember("新成员", id, Relation.Child, 0)).ToList()).ApplyTo(household, Now, DateOnly.FromDateTime(Now.UtcDateTime));

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_household_reads_back_whole_with_full_id_numbers(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var households = new HouseholdStore(fresh.Store);
        var household = Household(IdNumbers.Man(40), IdNumbers.Woman(10));
        Assert.Null(await households.AddAsync(household));

        var stored = await households.GetAsync(household.Id);

        Assert.NotNull(stored);
        Assert.Equal(household.Members, stored.Members);
        Assert.Equal(household.RegisteredAt, stored.RegisteredAt);
        Assert.Equal(30_000, stored.TotalMonthlyIncomeFen);
        Assert.Null(await households.GetAsync("hh_unknown"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_member_of_an_active_household_is_reported_by_index_and_nothing_is_stored(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var households = new HouseholdStore(fresh.Store);
        var shared = IdNumbers.Woman(30);
        await households.AddAsync(Household(IdNumbers.Man(60), shared));
        var second = Household(IdNumbers.Man(35), IdNumbers.Man(5), shared);

        var conflict = await households.AddAsync(second);

        Assert.Equal(new MembershipConflict(2), conflict);
        Assert.Null(await households.GetAsync(second.Id));
        Assert.Null(await households.AddAsync(Household(second.Members[0].IdNumber.Value)));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_household_update_applies_only_at_the_version_read(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var households = new HouseholdStore(fresh.Store);
        var household = Household(IdNumbers.Man(40), IdNumbers.Woman(38));
        await households.AddAsync(household);
        var changed = Changed(household, [0, 5_000]);

        Assert.Equal(HouseholdUpdate.Stale, await households.UpdateAsync(changed, expectedVersion: 2));
        Assert.Equal(HouseholdUpdate.Done, await households.UpdateAsync(changed, expectedVersion: 1));
        Assert.Equal(HouseholdUpdate.Stale, await households.UpdateAsync(changed, expectedVersion: 1));

        var stored = await households.GetAsync(household.Id);
        Assert.Equal([0L, 5_000L], stored!.MemberIncomesFen);
        Assert.Equal((100L, 2), (stored.FinancialAssetsFen, stored.Version));
        var change = Assert.Single(stored.Changes);
        Assert.Equal([10_000L, 20_000L], change.IncomesBeforeFen);
        Assert.Equal("changed", change.Note);
        // Still the members' one active household.
        Assert.Equal(new MembershipConflict(0), await households.AddAsync(Household(household.Members[0].IdNumber.Value)));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_member_who_leaves_is_free_and_one_active_elsewhere_cannot_join(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var households = new HouseholdStore(fresh.Store);
        var elsewhere = Household(IdNumbers.Man(60));
        await households.AddAsync(elsewhere);
        var household = Household(IdNumbers.Man(40), IdNumbers.Woman(38));
        await households.AddAsync(household);

        var refused = await households.UpdateAsync(Changed(household, [0, 0], null, IdNumbers.Man(10), elsewhere.Members[0].IdNumber.Value), 1);

        Assert.Equal(new HouseholdUpdate(false, new MembershipConflict(3)), refused);
        Assert.Equal(1, (await households.GetAsync(household.Id))!.Version);

        var left = Changed(household, [0, 0], [1]);
        Assert.Equal(HouseholdUpdate.Done, await households.UpdateAsync(left, 1));
        Assert.Single((await households.GetAsync(household.Id))!.Members);
        Assert.Null(await households.AddAsync(Household(household.Members[1].IdNumber.Value)));
    }
}
