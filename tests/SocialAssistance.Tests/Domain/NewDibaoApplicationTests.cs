using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Tests.Domain;

public class NewDibaoApplicationTests
{
    [Fact]
    public void A_committee_must_give_its_name()
    {
        var error = Assert.Throws<ValidationFailed>(() => new NewDibaoApplication("hh_1", ApplicantKind.Committee, " ", "r").Validated());
        Assert.Equal("applicant_name", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_household_applying_itself_needs_no_applicant_name()
    {
        var valid = new NewDibaoApplication(" hh_1 ", ApplicantKind.Household, null, " 失业 ").Validated();
        Assert.Equal("hh_1", valid.HouseholdId);
        Assert.Equal("失业", valid.Reason);
    }

    [Fact]
    public void Household_and_applicant_kind_are_required()
    {
        var error = Assert.Throws<ValidationFailed>(() => new NewDibaoApplication("", ApplicantKind.Unspecified, null, null).Validated());
        Assert.Equal(["household_id", "applicant_kind"], error.Violations.Select(v => v.Field));
    }
}
