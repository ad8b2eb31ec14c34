using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivilAffairs.Gateway.Tests;

/// <summary>Each partner, and each anonymous client address, gets its own allowance; beyond it, 429 with Retry-After.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly GatewayOnKestrel _gateway = new(GatewayOnKestrel.AllDown(), new Dictionary<string, string?>
    {
        ["RateLimits:Partner:PermitLimit"] = "3",
        ["RateLimits:Anonymous:PermitLimit"] = "2",
        ["RateLimits:Partner:WindowSeconds"] = "60",
        ["RateLimits:Anonymous:WindowSeconds"] = "60",
    });

    public RateLimitTests() => _gateway.StartServer();

    [Fact]
    public async Task A_partner_beyond_its_limit_gets_429_with_retry_after_while_another_partner_goes_on()
    {
        using var busy = TestPartners.Client(_gateway.HttpUrl, TestPartners.MarriageReaderKey);
        using var other = TestPartners.Client(_gateway.HttpUrl, TestPartners.AllScopesKey);

        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await busy.GetAsync("/api/marriage/v1/appointments/a")).StatusCode);
        var refused = await busy.GetAsync("/api/marriage/v1/appointments/a");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait");
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.GetAsync("/api/marriage/v1/appointments/a")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_of_public_routes_are_limited_per_address_and_health_never_is()
    {
        using var anonymous = TestPartners.Client(_gateway.HttpUrl, apiKey: null);
        const string board = "/api/marriage/v1/offices/xicheng-1/hall/board";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await anonymous.GetAsync(board)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers[..2]);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    public void Dispose() => _gateway.Dispose();
}
