using CivilAffairs.StaffConduct.Domain.Catalogue;

namespace CivilAffairs.StaffConduct.Tests.Domain;

public class CatalogueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static ServiceItemContent Content(string[] basis, string[] process, Validator v) =>
        ServiceItemContent.Create("结婚登记", "申请人", "当场发证", basis, process, [], "考核", "监督", ["身份证"],
            new TimeLimit(30, TimeLimitUnit.Minutes), 0, "登记员", v);

    [Fact]
    public void An_item_without_legal_basis_or_process_cannot_be_built()
    {
        var v = new Validator();
        Content([], [" "], v);
        var error = Assert.Throws<ValidationFailed>(() => v.ThrowIfInvalid());
        Assert.Equal(["content.legal_basis", "content.process[0]"], error.Violations.Select(x => x.Field));
    }

    [Fact]
    public void The_version_in_force_is_the_latest_effective_on_or_before_the_day()
    {
        var v = new Validator();
        var content = Content(["《婚姻登记条例》"], ["受理"], v);
        ServiceItemVersion Version(int number, DateOnly from) => new("MR-01", Window.MarriageRegistration, "", number, from, content, Now, "x");
        var versions = new[] { Version(1, new DateOnly(2026, 1, 1)), Version(2, new DateOnly(2026, 12, 1)), Version(3, new DateOnly(2026, 12, 1)) };
        Assert.Null(ServiceItemVersion.InForce(versions, new DateOnly(2025, 12, 31)));
        Assert.Equal(1, ServiceItemVersion.InForce(versions, new DateOnly(2026, 11, 30))!.Version);
        Assert.Equal(3, ServiceItemVersion.InForce(versions, new DateOnly(2026, 12, 1))!.Version);
    }

    [Fact]
    public void The_seed_covers_all_ten_windows_with_publishable_items()
    {
        var items = CatalogueSeed.Items(new DateOnly(2026, 11, 2), Now);
        Assert.Equal(10, items.Select(i => i.Window).Distinct().Count());
        Assert.All(items, i => Assert.True(i.Content.LegalBasis.Count > 0 && i.Content.Process.Count > 0, i.ItemId));
        Assert.Equal(items.Count, items.Select(i => i.ItemId).Distinct().Count());
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void A_case_is_within_the_promise_up_to_the_limit(int elapsed, bool within) =>
        Assert.Equal(within, new TimeLimit(30, TimeLimitUnit.Minutes).Kept(elapsed));
}
