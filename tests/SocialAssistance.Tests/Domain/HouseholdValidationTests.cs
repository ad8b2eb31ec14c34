using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class HouseholdValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static NewMember Head(long income = 50_000) => new("张三明", IdNumbers.Man(45), Relation.Head, income);
    private static NewMember Spouse(long income = 30_000) => new("李四", IdNumbers.Woman(43), Relation.Spouse, income);

    private static FieldViolation[] Refusal(NewHousehold input) =>
        Assert.Throws<ValidationFailed>(() => HouseholdValidation.Validate(input, "hh_1", Now, DateOnly.FromDateTime(Now.UtcDateTime))).Violations.ToArray();

    [Fact]
    public void A_valid_household_keeps_its_members_and_sums_their_incomes()
    {
        var household = HouseholdValidation.Validate(new NewHousehold(" 110105 ", " 朝阳路 1 号 ", [Head(50_000), Spouse(25_001)]), "hh_1", Now, DateOnly.FromDateTime(Now.UtcDateTime));

        Assert.Equal("110105", household.CountyCode);
        Assert.Equal("朝阳路 1 号", household.Address);
        Assert.Equal(2, household.Members.Count);
        Assert.Equal(75_001, household.TotalMonthlyIncomeFen);
        Assert.Equal(37_500, household.PerCapitaMonthlyIncomeFen);
        Assert.Equal(Relation.Head, household.Head.Relation);
        Assert.True(household.Active);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010")]
    [InlineData("1101051")]
    [InlineData("11010A")]
    public void County_code_must_be_six_digits(string county)
    {
        var violations = Refusal(new NewHousehold(county, "addr", [Head()]));
        Assert.Contains(violations, v => v.Field == "county_code");
    }

    [Fact]
    public void Every_bad_member_field_is_named_with_its_index()
    {
        var violations = Refusal(new NewHousehold("110105", "", [
            Head(),
            new NewMember("", IdNumbers.WithWrongCheck(IdNumbers.Woman(20)), Relation.Unspecified, -1),
        ]));

        var fields = violations.Select(v => v.Field).ToHashSet();
        Assert.Contains("address", fields);
        Assert.Contains("members[1].name", fields);
        Assert.Contains("members[1].id_number", fields);
        Assert.Contains("members[1].relation", fields);
        Assert.Contains("members[1].monthly_income_fen", fields);
        Assert.DoesNotContain("members[0].id_number", fields);
    }

    [Fact]
    public void A_household_without_a_head_or_with_two_is_refused()
    {
        Assert.Contains(Refusal(new NewHousehold("110105", "addr", [Spouse()])), v => v.Field == "members" && v.Description.Contains("exactly one HEAD"));
        Assert.Contains(Refusal(new NewHousehold("110105", "addr", [Head(), Head()])), v => v.Field == "members" && v.Description.Contains("not 2"));
        Assert.Contains(Refusal(new NewHousehold("110105", "addr", [])), v => v.Field == "members");
    }

    [Fact]
    public void The_same_person_twice_is_refused_naming_the_second_without_the_number()
    {
        var id = IdNumbers.Woman(30);
        var violations = Refusal(new NewHousehold("110105", "addr", [Head(), new NewMember("甲", id, Relation.Child, 0), new NewMember("乙", id, Relation.Child, 0)]));

        var violation = Assert.Single(violations);
        Assert.Equal("members[2].id_number", violation.Field);
        Assert.Contains("members[1]", violation.Description);
        Assert.DoesNotContain(id, violation.Description);
    }

    [Fact]
    public void Zero_income_is_allowed()
    {
        var household = HouseholdValidation.Validate(new NewHousehold("110105", "addr", [Head(0)]), "hh_1", Now, DateOnly.FromDateTime(Now.UtcDateTime));
        Assert.Equal(0, household.TotalMonthlyIncomeFen);
    }
}
