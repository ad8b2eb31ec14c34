using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct.Tests.Domain;

public class StaffProfileTests
{
    private static StaffProfile Valid(string photo = "https://bureau.example.cn/photos/a001.jpg", Window window = Window.MarriageRegistration) =>
        StaffProfile.Create(" 张晓明 ", "MR-001", photo, window, "office-1", "婚姻登记员", ["受理登记", "颁发证书"], true);

    [Fact]
    public void A_valid_profile_is_trimmed_and_kept()
    {
        var profile = Valid();
        Assert.Equal("张晓明", profile.Name);
        Assert.Equal(["受理登记", "颁发证书"], profile.Duties);
        Assert.True(profile.PartyMember);
    }

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        var error = Assert.Throws<ValidationFailed>(() =>
            StaffProfile.Create("", " ", null, Window.Unspecified, "", "", ["ok", " "], false));
        var fields = error.Violations.Select(v => v.Field).ToHashSet();
        Assert.Equal(["name", "badge_number", "photo_url", "window", "office_id", "post", "duties[1]"], fields);
    }

    [Theory]
    [InlineData("https://bureau.example.cn/photos/a001.jpg")]
    [InlineData("http://10.0.0.5/staff/1.png")]
    [InlineData("/photos/a001.jpg")]
    [InlineData("photos/a001.jpg")]
    [InlineData("photos/2026:11/a001.jpg")]
    public void Photos_on_the_web_or_under_the_bureau_site_are_accepted(string url) =>
        Assert.Equal(url, Valid(photo: url).PhotoUrl);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("ftp://files.example.cn/a.jpg")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example.com/a.jpg")]
    [InlineData("photos/a 001.jpg")]
    [InlineData("https:///nohost")]
    public void Other_photo_addresses_are_refused_naming_the_field(string url)
    {
        var error = Assert.Throws<ValidationFailed>(() => Valid(photo: url));
        Assert.Equal("photo_url", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_window_number_outside_the_ten_is_refused()
    {
        var error = Assert.Throws<ValidationFailed>(() => Valid(window: (Window)11));
        Assert.Equal("window", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_badge_number_with_spaces_or_symbols_is_refused()
    {
        var error = Assert.Throws<ValidationFailed>(() =>
            StaffProfile.Create("李四", "MR 001", "a.jpg", Window.PlaceNames, "o", "p", [], false));
        Assert.Equal("badge_number", Assert.Single(error.Violations).Field);
    }
}
