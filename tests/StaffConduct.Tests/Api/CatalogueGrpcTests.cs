using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>The public catalogue of every window's service standards, versioned by effective date.</summary>
public sealed class CatalogueGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private async Task<ServiceItem> ItemAsync(string id, string? onDate = null) =>
        await Client.GetServiceItemAsync(new GetServiceItemRequest { ItemId = id, OnDate = onDate ?? "" });

    private static PublishServiceItemRequest EditOf(ServiceItem item, string name, string effectiveFrom) => new()
    {
        ItemId = item.ItemId, Window = item.Window, OfficeId = item.OfficeId, Content = new V1.ServiceItemContent(item.Content) { Name = name },
        EffectiveFrom = effectiveFrom, PublishedBy = "政务服务科", ExpectedVersion = item.Version,
    };

    [Fact]
    public async Task Every_window_has_published_items_from_the_first_start()
    {
        foreach (var window in Enum.GetValues<WindowType>().Where(w => w != WindowType.Unspecified))
        {
            var catalogue = await Client.ListServiceItemsAsync(new ListServiceItemsRequest { Window = window });
            Assert.NotEmpty(catalogue.Items);
            Assert.All(catalogue.Items, i =>
            {
                Assert.Equal(window, i.Window);
                Assert.NotEmpty(i.Content.LegalBasis);
                Assert.NotEmpty(i.Content.Process);
            });
        }
        var marriage = await ItemAsync("MR-01");
        Assert.Equal(("结婚登记", 30, V1.TimeLimitUnit.Minutes, 0.0), (marriage.Content.Name, marriage.Content.TimeLimit.Value, marriage.Content.TimeLimit.Unit, marriage.Content.FeeYuan));
    }

    [Fact]
    public async Task An_edit_is_a_new_version_and_the_old_one_stays_readable_by_date()
    {
        var first = await ItemAsync("SA-01");
        var edited = await Client.PublishServiceItemAsync(EditOf(first, "最低生活保障申请（全程网办）", _host.Date(1)));
        Assert.Equal((2, _host.Date(1)), (edited.Version, edited.EffectiveFrom));

        Assert.Equal((1, "最低生活保障申请"), ((await ItemAsync("SA-01")).Version, (await ItemAsync("SA-01")).Content.Name));
        Assert.Equal(2, (await ItemAsync("SA-01", _host.Date(1))).Version);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("最低生活保障申请（全程网办）", (await ItemAsync("SA-01")).Content.Name);
        Assert.Equal("最低生活保障申请", (await ItemAsync("SA-01", _host.Date(-1))).Content.Name);

        var versions = await Client.ListServiceItemVersionsAsync(new ListServiceItemVersionsRequest { ItemId = "SA-01" });
        Assert.Equal([1, 2], versions.Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task An_edit_cannot_reach_back_before_today_nor_drop_the_legal_basis_or_process()
    {
        var first = await ItemAsync("PN-02");
        var back = EditOf(first, "x", _host.Date(-1));
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.PublishServiceItemAsync(back).ResponseAsync);
        Assert.Equal(["effective_from"], error.Fields());

        var bare = EditOf(first, "x", _host.Date(0));
        bare.Content.LegalBasis.Clear();
        bare.Content.Process.Clear();
        error = await Assert.ThrowsAsync<RpcException>(() => Client.PublishServiceItemAsync(bare).ResponseAsync);
        Assert.Equal(["content.legal_basis", "content.process"], error.Fields());

        var versions = await Client.ListServiceItemVersionsAsync(new ListServiceItemVersionsRequest { ItemId = "PN-02" });
        Assert.Single(versions.Versions);
    }

    [Fact]
    public async Task A_new_item_is_published_from_version_0_and_a_stale_edit_is_refused()
    {
        var template = await ItemAsync("EC-01");
        var created = await Client.PublishServiceItemAsync(new PublishServiceItemRequest
        {
            ItemId = "EC-03", Window = WindowType.ElderlyCare, OfficeId = "office-1",
            Content = new V1.ServiceItemContent(template.Content) { Name = "居家养老服务补贴申领" }, PublishedBy = "养老科",
        });
        Assert.Equal((1, _host.Date(0)), (created.Version, created.EffectiveFrom));
        var again = await Client.PublishServiceItemAsync(new PublishServiceItemRequest
        {
            ItemId = "EC-03", Window = WindowType.ElderlyCare, OfficeId = "office-1",
            Content = new V1.ServiceItemContent(template.Content) { Name = "居家养老服务补贴申领" }, PublishedBy = "养老科",
        });
        Assert.Equal(1, again.Version); // the same publication repeated
        var stale = EditOf(created, "别的", _host.Date(0));
        stale.ExpectedVersion = 0;
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.PublishServiceItemAsync(stale).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);

        var officeTwo = await Client.ListServiceItemsAsync(new ListServiceItemsRequest { Window = WindowType.ElderlyCare, OfficeId = "office-2" });
        Assert.DoesNotContain("EC-03", officeTwo.Items.Select(i => i.ItemId));
        Assert.Contains("EC-01", officeTwo.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task A_keyword_of_the_chinese_name_finds_the_item()
    {
        var found = await Client.SearchServiceItemsAsync(new SearchServiceItemsRequest { Keyword = "结婚" });
        Assert.Contains("MR-01", found.Items.Select(i => i.ItemId));
        Assert.DoesNotContain("SO-01", found.Items.Select(i => i.ItemId));
        var subsidy = await Client.SearchServiceItemsAsync(new SearchServiceItemsRequest { Keyword = "补贴", Window = WindowType.DisabilityWelfare });
        Assert.Equal(["DW-01", "DW-02"], subsidy.Items.Select(i => i.ItemId));
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SearchServiceItemsAsync(new SearchServiceItemsRequest()).ResponseAsync);
        Assert.Equal(["keyword"], error.Fields());
    }

    [Fact]
    public async Task Reported_times_show_this_months_share_within_the_promise()
    {
        async Task<ServiceTimeReport> ReportAsync(string eventId, int minutes) => await Client.ReportServiceTimeAsync(new ReportServiceTimeRequest
        {
            ItemId = "MR-01", EventId = eventId, CompletedOn = _host.Date(0), Elapsed = minutes,
        });
        Assert.True((await ReportAsync("t-1", 12)).WithinPromise);
        Assert.True((await ReportAsync("t-2", 30)).WithinPromise);
        var late = await ReportAsync("t-3", 45);
        Assert.False(late.WithinPromise);
        Assert.Equal(30, late.Promised.Value);
        await ReportAsync("t-3", 45); // delivered twice

        var item = await ItemAsync("MR-01");
        Assert.Equal(("2026-11", 3, 2), (item.ThisMonth.Month, item.ThisMonth.Cases, item.ThisMonth.WithinPromise));
        Assert.Equal(2.0 / 3, item.ThisMonth.Share, 6);
        var wall = await Client.ListServiceItemsAsync(new ListServiceItemsRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(3, wall.Items.Single(i => i.ItemId == "MR-01").ThisMonth.Cases);
        Assert.Equal(0, wall.Items.Single(i => i.ItemId == "MR-02").ThisMonth.Cases);

        var changed = await Assert.ThrowsAsync<RpcException>(() => ReportAsync("t-3", 10));
        Assert.Equal(["event_id"], changed.Fields());
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.ReportServiceTimeAsync(new ReportServiceTimeRequest
        {
            ItemId = "XX-99", EventId = "t-9", CompletedOn = _host.Date(0), Elapsed = 1,
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }
}
