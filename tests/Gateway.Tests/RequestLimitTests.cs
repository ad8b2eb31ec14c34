using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CivilAffairs.Gateway.Tests;

/// <summary>What no service should have to parse is refused at the door, with a plain answer; slow services time out.</summary>
public sealed class RequestLimitTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    private const string Bookings = "/api/marriage/v1/appointments";

    [Fact]
    public async Task A_body_above_the_limit_is_413_and_never_reaches_the_service()
    {
        var before = platform.Marriage.Received.All.Count(r => r.Path == Bookings);
        var huge = new StringContent($"{{\"office_id\":\"{new string('a', 1_100_000)}\"}}", Encoding.UTF8, "application/json");

        var refused = await platform.Rest.PostAsync(Bookings, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(before, platform.Marriage.Received.All.Count(r => r.Path == Bookings));
    }

    [Fact]
    public async Task A_body_of_unknown_length_that_outgrows_the_limit_is_413()
    {
        var chunks = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"x\":\"{new string('b', 1_200_000)}\"}}")));
        chunks.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Bookings) { Content = chunks };
        request.Headers.TransferEncodingChunked = true;

        var refused = await platform.Rest.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task Json_nested_too_deep_is_400_saying_so()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var refused = await platform.Rest.PostAsync(Bookings, new StringContent(deep, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("nested deeper than", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_400_saying_where()
    {
        var refused = await platform.Rest.PostAsync(Bookings, new StringContent("{\"office_id\": \"x\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not valid JSON", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Headers_above_the_limit_are_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/marriage/v1/appointments/a");
        request.Headers.Add("X-Padding", new string('p', 40_000));

        var refused = await platform.Rest.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_within_the_deadline_is_504()
    {
        var started = DateTime.UtcNow;

        var response = await platform.Rest.GetAsync("/api/assistance/v1/households/h1");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("in time", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the deadline cut the call short");
    }
}
