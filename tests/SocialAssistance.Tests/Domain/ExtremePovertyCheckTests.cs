using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class ExtremePovertyCheckTests
{
    private static readonly DateOnly On = new(2026, 11, 2);
    private static readonly SupportRules Rules = new();
    private static readonly LocalStandard Standard = new("110105", new DateOnly(2025, 7, 1), 147_000, 3_528_000);

    private static HouseholdMember Person(int age, long income = 0, DisabilityKind disability = DisabilityKind.Unspecified, int grade = 0,
        WorkCapacity capacity = WorkCapacity.Unspecified) =>
        new("甲", ResidentIdNumber.Parse(IdNumbers.Make(On.AddYears(-age).AddDays(-1), Sex.Female), "id"), Relation.Head, income, capacity,
            HealthCondition.Healthy, disability, grade);

    private static ExtremePovertyCheck Check(HouseholdMember person, bool supporter = false, IReadOnlyList<IncomeItem>? incomes = null,
        long assets = 0, SupportRules? rules = null) =>
        ExtremePovertyCheck.Assess(person, supporter, On, rules ?? Rules, Standard, incomes, assets);

    [Fact]
    public void A_seventy_year_old_with_a_small_pension_is_without_work_capacity_and_means_of_living()
    {
        // Assessed "able to work" by nobody: 60 and over counts as without work capacity, whatever the field says.
        var check = Check(Person(70, capacity: WorkCapacity.Full), incomes: [new IncomeItem(IncomeKind.EmployeePension, 30_000)]);

        Assert.True(check.Eligible);
        Assert.Equal((70, true, 30_000L, 147_000L), (check.Age, check.Elderly, check.MonthlyIncomeFen, check.LocalStandardFen));
        Assert.Empty(check.Unmet());
    }

    [Fact]
    public void An_income_at_the_local_standard_is_not_below_it_but_the_residents_pension_and_old_age_allowance_are_not_counted()
    {
        Assert.False(Check(Person(70), incomes: [new IncomeItem(IncomeKind.Wages, 147_000)]).Eligible);
        Assert.True(Check(Person(70), incomes: [new IncomeItem(IncomeKind.Wages, 146_999)]).Eligible);

        var excluded = Check(Person(70), incomes:
            [new IncomeItem(IncomeKind.Wages, 100_000), new IncomeItem(IncomeKind.ResidentsBasicPension, 80_000), new IncomeItem(IncomeKind.OldAgeAllowance, 10_000)]);

        Assert.True(excluded.Eligible);
        Assert.Equal((100_000L, 90_000L), (excluded.MonthlyIncomeFen, excluded.ExcludedIncomeFen));
    }

    [Fact]
    public void Local_configuration_decides_which_kinds_of_income_are_not_counted()
    {
        var strict = new SupportRules { ExcludedIncomeKinds = [] };

        var check = Check(Person(70), incomes: [new IncomeItem(IncomeKind.ResidentsBasicPension, 150_000)], rules: strict);

        Assert.False(check.Eligible);
        Assert.Equal(["counted income is not below the local dibao standard"], check.Unmet());
    }

    [Fact]
    public void Each_unmet_criterion_is_named()
    {
        var check = Check(Person(40, income: 200_000), supporter: true, assets: Standard.AssetLimitPerCapitaFen + 1);

        Assert.False(check.Eligible);
        Assert.Equal(["is neither elderly, a child under the age limit, nor of a listed disability grade", "counted income is not below the local dibao standard",
            "assets exceed the local limit", "has a supporter able to support them"], check.Unmet());
    }

    [Fact]
    public void Children_under_sixteen_and_the_elderly_from_sixty_are_covered_but_a_sixteen_or_fifty_nine_year_old_is_not()
    {
        Assert.True(Check(Person(15)).Eligible);
        Assert.False(Check(Person(16)).Eligible);
        Assert.True(Check(Person(60)).Eligible);
        Assert.False(Check(Person(59)).Eligible);
    }

    [Fact]
    public void Only_the_listed_disability_grades_count_as_without_work_capacity()
    {
        Assert.True(Check(Person(40, disability: DisabilityKind.Intellectual, grade: 3)).Eligible);
        Assert.True(Check(Person(40, disability: DisabilityKind.Mental, grade: 1)).Eligible);
        Assert.True(Check(Person(40, disability: DisabilityKind.Physical, grade: 2)).Eligible);
        Assert.False(Check(Person(40, disability: DisabilityKind.Physical, grade: 3)).Eligible);
        Assert.True(Check(Person(40, disability: DisabilityKind.Visual, grade: 1)).Eligible);
        Assert.False(Check(Person(40, disability: DisabilityKind.Visual, grade: 2)).Eligible);
        Assert.False(Check(Person(40, disability: DisabilityKind.Hearing, grade: 1)).Eligible);

        var province = new SupportRules { QualifyingDisabilityGrades = { ["HEARING"] = 1 } };
        Assert.True(Check(Person(40, disability: DisabilityKind.Hearing, grade: 1), rules: province).Eligible);
    }

    [Fact]
    public void Someone_born_after_the_assessment_day_is_never_counted_as_a_child()
    {
        // Such a number is refused from callers; one read back from an old record still counts as nobody's child.
        var unborn = new HouseholdMember("乙", ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(2099, 1, 1), Sex.Male), "id"), Relation.Child, 0);

        var check = Check(unborn);

        Assert.False(check.Child);
        Assert.False(check.Eligible);
    }
}
