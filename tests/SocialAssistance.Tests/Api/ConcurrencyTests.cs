using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>Rules that hold however many requests arrive at once.</summary>
public sealed class ConcurrencyTests(AssistanceHost host) : IClassFixture<AssistanceHost>
{
    [Fact]
    public async Task Of_many_households_registered_at_once_with_the_same_person_exactly_one_is_accepted()
    {
        var shared = IdNumbers.Woman(35);
        var attempts = Enumerable.Range(0, 20).Select(i => RpcAssert.Outcome(() => host.RegisterAsync(AssistanceHost.Household(
            AssistanceHost.Member("户主" + i, IdNumbers.Man(40), Relation.Head),
            AssistanceHost.Member("刘秀英", shared, Relation.Spouse)))));

        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(19, outcomes.Count(o => o == StatusCode.FailedPrecondition));
    }

    [Fact]
    public async Task Of_many_applications_submitted_at_once_for_one_household_exactly_one_is_open()
    {
        var household = await host.RegisterAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RpcAssert.Outcome(() => host.ApplyAsync(household.HouseholdId))));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(19, outcomes.Count(o => o == StatusCode.AlreadyExists));
    }
}
