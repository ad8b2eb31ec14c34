using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SharedKernel.Tests;

public class ResidentIdNumberTests
{
    [Fact]
    public void The_example_of_the_standard_is_valid_and_tells_birth_date_and_sex()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002X", out var number, out _));
        Assert.Equal(new DateOnly(1949, 12, 31), number!.BirthDate);
        Assert.Equal(Sex.Female, number.Sex);
        Assert.Equal("110105", number.AddressCode);
    }

    [Fact]
    public void A_lower_case_x_is_accepted_as_the_check_character()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002x", out var number, out _));
        Assert.Equal("11010519491231002X", number!.Value);
    }

    [Fact]
    public void A_wrong_check_character_is_refused()
    {
        Assert.False(ResidentIdNumber.TryParse("110105194912310021", out _, out var error));
        Assert.Contains("check character", error);
    }

    [Theory]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-02-29", true)]
    [InlineData("1900-02-29", false)]
    [InlineData("2000-02-29", true)]
    [InlineData("2021-04-31", false)]
    public void The_birth_date_must_exist(string birth, bool valid)
    {
        var first17 = "110105" + birth.Replace("-", "") + "001";
        var text = first17 + ResidentIdNumber.CheckCharacterOf(first17);
        Assert.Equal(valid, ResidentIdNumber.TryParse(text, out _, out var error));
        if (!valid) Assert.Contains("birth date", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002XX")]
    [InlineData("1101051949123100AX")]
    [InlineData("11010519491231002Y")]
    public void Malformed_numbers_are_refused(string text) =>
        Assert.False(ResidentIdNumber.TryParse(text, out _, out _));

    [Fact]
    public void An_odd_sequence_is_a_man_and_an_even_one_a_woman()
    {
        var man = ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Male), "id");
        var woman = ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Female), "id");
        Assert.Equal(Sex.Male, man.Sex);
        Assert.Equal(Sex.Female, woman.Sex);
    }

    [Fact]
    public void Age_turns_on_the_birthday_and_a_leap_day_birthday_counts_on_the_first_of_march()
    {
        var person = ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(2004, 2, 29), Sex.Female), "id");
        Assert.Equal(19, person.AgeOn(new DateOnly(2024, 2, 28)));
        Assert.Equal(20, person.AgeOn(new DateOnly(2024, 2, 29)));
        Assert.Equal(20, person.AgeOn(new DateOnly(2025, 2, 28)));
        Assert.Equal(21, person.AgeOn(new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Parse_names_the_field_and_never_echoes_the_number()
    {
        var error = Assert.Throws<ValidationFailed>(() => ResidentIdNumber.Parse("110105194912310021", "first_party.id_number"));
        Assert.Equal("first_party.id_number", Assert.Single(error.Violations).Field);
        Assert.DoesNotContain("110105194912310021", error.Message);
    }

    [Fact]
    public void ToString_is_the_masked_form()
    {
        var number = ResidentIdNumber.Parse("11010519491231002X", "id");
        Assert.Equal("110105********002X", number.ToString());
        Assert.Equal("110105********002X", $"{number}");
    }

    [Fact]
    public void A_number_being_taken_with_a_birth_date_after_today_is_refused()
    {
        var born2027 = IdNumbers.Make(new DateOnly(2027, 1, 11), Sex.Male);
        var today = new DateOnly(2026, 12, 2);
        Assert.False(ResidentIdNumber.TryParse(born2027, out _, out var error, today));
        Assert.Equal("holds a birth date in the future", error);
        var refused = Assert.Throws<ValidationFailed>(() => ResidentIdNumber.Parse(born2027, "first_party.id_number", today));
        Assert.Equal("first_party.id_number", Assert.Single(refused.Violations).Field);
        Assert.True(ResidentIdNumber.TryParse(IdNumbers.Make(today, Sex.Female), out _, out _, today));
    }

    [Fact]
    public void A_birth_date_before_1900_or_an_unknown_province_is_refused()
    {
        Assert.False(ResidentIdNumber.TryParse(IdNumbers.Make(new DateOnly(1899, 12, 31), Sex.Male), out _, out var early));
        Assert.Equal("holds a birth date before 1900", early);
        Assert.False(ResidentIdNumber.TryParse(IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Male, "990105"), out _, out var province));
        Assert.Equal("does not start with a province code that exists", province);
        foreach (var code in new[] { "810000", "830000", "650100", "460100" })
            Assert.True(ResidentIdNumber.TryParse(IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Male, code), out _, out _), code);
        foreach (var code in new[] { "160000", "240000", "380000", "470000", "550000", "660000", "840000", "000000" })
            Assert.False(ResidentIdNumber.TryParse(IdNumbers.Make(new DateOnly(1990, 1, 1), Sex.Male, code), out _, out _), code);
    }
}
