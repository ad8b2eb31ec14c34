using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.TestSupport;
using static CivilAffairs.SocialAssistance.Tests.Storage.Samples;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The port of published standards as the domain relies on it, on each engine.</summary>
public sealed class StandardStoreContract
{
    [MongoFact]
    public void The_MongoDB_engine_runs_the_same_contract_when_a_server_is_given() { }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_county_has_one_standard_per_effective_date_read_back_in_date_order(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var standards = new StandardStore(fresh.Store);
        var august = new LocalStandard("110105", new DateOnly(2026, 8, 1), 150_000, 3_600_000) { PublishedBy = "clerk", PublishedAt = Now };
        var july = new LocalStandard("110105", new DateOnly(2026, 7, 1), 149_000, 3_576_000) { PublishedBy = "clerk", PublishedAt = Now };

        Assert.True(await standards.AddAsync(august));
        Assert.True(await standards.AddAsync(july));
        Assert.True(await standards.AddAsync(july with { CountyCode = "110106" }));
        Assert.False(await standards.AddAsync(july with { MonthlyStandardFen = 999_000 }));

        Assert.Equal([july, august], await standards.ListAsync("110105"));
        Assert.Empty(await standards.ListAsync("110107"));
    }
}
