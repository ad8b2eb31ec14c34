using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Gateway.Tests;
using CivilAffairs.StaffConduct.V1;
using Grpc.Net.Client;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// The public catalogue of service standards (issue 12) as a citizen reads it before coming: through the gateway,
/// without any key, for every window, over REST and gRPC, with a search by a word of the item's Chinese name.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogueThroughGatewayTests(RunningPlatform platform)
{
    [Fact]
    public async Task Every_window_has_published_items_readable_anonymously_over_rest_and_grpc_and_found_by_a_chinese_word()
    {
        using var citizen = TestPartners.Client(platform.Gateway.BaseAddress!.ToString().TrimEnd('/'), apiKey: null);
        foreach (var window in Enum.GetValues<WindowType>().Where(w => w != WindowType.Unspecified))
        {
            var code = CommonReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)window).Name;
            var response = await citizen.GetAsync($"/api/staff/v1/catalogue/windows/{code}/items");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{code}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            Assert.True(items.GetArrayLength() > 0, $"{code} has no published item");
        }

        var found = await citizen.GetFromJsonAsync<JsonElement>($"/api/staff/v1/catalogue/search?keyword={Uri.EscapeDataString("结婚")}");
        var item = found.GetProperty("items").EnumerateArray().First();
        Assert.Equal("MARRIAGE_REGISTRATION", item.GetProperty("window").GetString());
        var one = await citizen.GetAsync($"/api/staff/v1/catalogue/items/{item.GetProperty("itemId").GetString()}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);

        // Writing to the catalogue is not public.
        var write = await citizen.PutAsJsonAsync($"/api/staff/v1/catalogue/items/{item.GetProperty("itemId").GetString()}", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);

        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        var grpc = new StaffConduct.V1.StaffConduct.StaffConductClient(channel);
        var catalogue = await grpc.ListServiceItemsAsync(new ListServiceItemsRequest { Window = WindowType.PlaceNames });
        Assert.NotEmpty(catalogue.Items);
        var searched = await grpc.SearchServiceItemsAsync(new SearchServiceItemsRequest { Keyword = "低保" });
        Assert.Contains(searched.Items, i => i.Window == WindowType.SocialAssistance);
    }
}
