using System.Net;

namespace CivilAffairs.Gateway.Tests;

/// <summary>Behind a load balancer or an office NAT: the client's address is believed from trusted proxies only, and
/// the hall screens behind one address do not spend the budget of the citizens behind it.</summary>
public sealed class BehindProxiesTests
{
    private const string Board = "/api/marriage/v1/offices/xicheng-1/hall/board";
    private const string ScreenRead = "/display/api/marriage/offices/xicheng-1/hall/board";

    private static GatewayOnKestrel Gateway(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:PermitLimit"] = "2",
            ["RateLimits:Display:PermitLimit"] = "50",
        };
        foreach (var (key, value) in settings) all[key] = value;
        var gateway = new GatewayOnKestrel(GatewayOnKestrel.AllDown(), all);
        gateway.StartServer();
        return gateway;
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        using var gateway = Gateway(("TrustedProxies:Addresses:0", "127.0.0.1"));
        using var anonymous = TestPartners.Client(gateway.HttpUrl, apiKey: null);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "203.0.113.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "203.0.113.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "198.51.100.20"));
    }

    [Fact]
    public async Task A_forwarded_address_from_a_caller_not_trusted_as_a_proxy_buys_no_fresh_budget()
    {
        using var gateway = Gateway(); // no trusted proxies: the default
        using var anonymous = TestPartners.Client(gateway.HttpUrl, apiKey: null);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(anonymous, Board, "203.0.113.3"));
    }

    [Fact]
    public async Task Four_hall_screens_polling_from_one_address_leave_the_citizens_budget_untouched()
    {
        using var gateway = Gateway();
        using var client = TestPartners.Client(gateway.HttpUrl, apiKey: null);

        // Four screens, ten polls each: more than the anonymous budget of 2 many times over.
        var polls = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => GetAsync(client, ScreenRead)));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, polls);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(client, Board));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await GetAsync(client, Board));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, Board)); // the citizens' budget still holds
    }

    [Fact]
    public async Task The_screens_have_a_budget_of_their_own_too()
    {
        using var gateway = Gateway(("RateLimits:Display:PermitLimit", "5"));
        using var client = TestPartners.Client(gateway.HttpUrl, apiKey: null);

        var polls = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) polls.Add(await GetAsync(client, ScreenRead));

        Assert.Equal(HttpStatusCode.TooManyRequests, polls[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, polls[..5]);
    }
}
