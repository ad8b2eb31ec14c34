using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Google.Protobuf;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

public sealed class HouseholdGrpcTests(AssistanceHost host) : IClassFixture<AssistanceHost>
{
    [Fact]
    public async Task A_registered_household_comes_back_masked_with_its_income_figures()
    {
        var request = AssistanceHost.Couple(headIncomeFen: 60_000, spouseIncomeFen: 20_001);

        var household = await host.RegisterAsync(request);
        var fetched = await host.Client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = household.HouseholdId });

        Assert.Equal(household, fetched);
        Assert.Equal(80_001, fetched.TotalMonthlyIncomeFen);
        Assert.Equal(40_000, fetched.PerCapitaMonthlyIncomeFen);
        Assert.Equal("王*国", fetched.Members[0].Person.MaskedName);
        Assert.Equal(Relation.Head, fetched.Members[0].Relation);
        Assert.Equal("FEMALE", fetched.Members[1].Person.Sex);
        var json = JsonFormatter.Default.Format(fetched);
        foreach (var member in request.Members) Assert.DoesNotContain(member.IdNumber, json);
        Assert.Equal(host.Clock.GetUtcNow(), fetched.RegisteredAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_every_field()
    {
        var request = AssistanceHost.Household(
            AssistanceHost.Member("王建国", IdNumbers.WithWrongCheck(IdNumbers.Man(50)), Relation.Head),
            AssistanceHost.Member("", IdNumbers.Woman(40), Relation.Spouse, -5));
        request.CountyCode = "1101";

        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => host.Client.RegisterHouseholdAsync(request).ResponseAsync);

        Assert.Equal(["county_code", "members[0].id_number", "members[1].name", "members[1].monthly_income_fen"], error.Fields());
    }

    [Fact]
    public async Task A_person_in_another_active_household_is_refused_by_index_and_nothing_is_written()
    {
        var first = AssistanceHost.Couple();
        await host.RegisterAsync(first);
        var newcomer = IdNumbers.Man(20);
        var second = AssistanceHost.Household(
            AssistanceHost.Member("赵小明", newcomer, Relation.Head),
            AssistanceHost.Member("刘秀英", first.Members[1].IdNumber, Relation.Spouse));

        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => host.Client.RegisterHouseholdAsync(second).ResponseAsync);

        Assert.Equal("member-in-active-household", error.Rule());
        Assert.Contains("members[1]", error.Status.Detail);
        Assert.DoesNotContain(first.Members[1].IdNumber, error.Status.Detail);
        // The newcomer was not written with the refused household: he can be registered on his own.
        await host.RegisterAsync(AssistanceHost.Household(AssistanceHost.Member("赵小明", newcomer, Relation.Head)));
    }

    [Fact]
    public async Task An_unknown_household_is_not_found()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => host.Client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = "hh_nope" }).ResponseAsync);
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => host.Client.GetHouseholdAsync(new GetHouseholdRequest()).ResponseAsync);
        Assert.Equal(["household_id"], error.Fields());
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_household()
    {
        var request = AssistanceHost.Couple();
        request.IdempotencyKey = "reg-" + Guid.NewGuid();

        var first = await host.RegisterAsync(request);
        var retry = await host.RegisterAsync(request);

        Assert.Equal(first.HouseholdId, retry.HouseholdId);
    }

    [Fact]
    public async Task The_key_from_the_header_counts_and_a_key_reused_for_other_content_is_refused()
    {
        var key = "reg-" + Guid.NewGuid();
        var headers = new Metadata { { "idempotency-key", key } };
        var first = await host.Client.RegisterHouseholdAsync(AssistanceHost.Couple(), headers);

        var other = AssistanceHost.Couple();
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => host.Client.RegisterHouseholdAsync(other, headers).ResponseAsync);

        Assert.Equal(["idempotency_key"], error.Fields());
        // The other household was not written: its people are still free.
        other.IdempotencyKey = "";
        Assert.NotEqual(first.HouseholdId, (await host.RegisterAsync(other)).HouseholdId);
    }
}
