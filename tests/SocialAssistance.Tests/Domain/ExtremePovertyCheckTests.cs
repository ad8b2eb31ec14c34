using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class ExtremePovertyCheckTests
{
    private static readonly DateOnly On = new(2026, 11, 2);
    private static readonly SupportRules Rules = new();

    private static HouseholdMember Person(int age, WorkCapacity capacity = WorkCapacity.None, long income = 0,
        HealthCondition health = HealthCondition.Healthy) =>
        new("甲", ResidentIdNumber.Parse(IdNumbers.Make(On.AddYears(-age).AddDays(-1), Sex.Female), "id"), Relation.Head, income, capacity, health);

    [Fact]
    public void An_elderly_person_without_work_capacity_income_or_supporter_is_eligible()
    {
        var check = ExtremePovertyCheck.Assess(Person(70), hasAbleSupporter: false, On, Rules);

        Assert.True(check.Eligible);
        Assert.Equal((70, true, false), (check.Age, check.Elderly, check.Child));
        Assert.Empty(check.Unmet());
    }

    [Fact]
    public void Each_unmet_criterion_is_named()
    {
        var check = ExtremePovertyCheck.Assess(Person(40, WorkCapacity.Partial, income: 1), hasAbleSupporter: true, On, Rules);

        Assert.False(check.Eligible);
        Assert.Equal(["has work capacity", "has an income", "has a supporter able to support them", "is neither elderly, disabled nor a child"], check.Unmet());
    }

    [Fact]
    public void Children_under_sixteen_and_disabled_adults_are_covered_but_a_sixteen_year_old_is_not()
    {
        Assert.True(ExtremePovertyCheck.Assess(Person(15), false, On, Rules).Eligible);
        Assert.False(ExtremePovertyCheck.Assess(Person(16), false, On, Rules).Eligible);
        Assert.True(ExtremePovertyCheck.Assess(Person(40, health: HealthCondition.Disability), false, On, Rules).Eligible);
        Assert.False(ExtremePovertyCheck.Assess(Person(59), false, On, Rules).Eligible);
    }
}
