using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Gateway.Tests;

/// <summary>
/// A gateway in front of the real marriage service whose clock is a <see cref="FakeTimeProvider"/>: the public reads'
/// cache expires its answers by that clock, so the tests step time instead of sleeping.
/// </summary>
public sealed class CachedGateway : IDisposable
{
    public MarriageOnKestrel Marriage { get; } = new();
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public GatewayOnKestrel Gateway { get; }
    public HttpClient Partner { get; }
    public HttpClient Phone { get; }

    public CachedGateway() : this(null)
    {
    }

    internal CachedGateway(IReadOnlyDictionary<string, string?>? settings)
    {
        Marriage.StartServer();
        var clusters = GatewayOnKestrel.AllDown();
        clusters["marriage"] = Marriage.HttpUrl;
        clusters["marriage-grpc"] = Marriage.GrpcUrl;
        Gateway = new GatewayOnKestrel(clusters, settings, services => services.AddSingleton<TimeProvider>(Clock));
        Gateway.StartServer();
        Partner = TestPartners.Client(Gateway.HttpUrl, TestPartners.AllScopesKey);
        Phone = TestPartners.Client(Gateway.HttpUrl, apiKey: null);
    }

    /// <summary>How many availability reads of <paramref name="office"/> reached the service.</summary>
    public int ReadsReachingService(string office) =>
        Marriage.Received.All.Count(r => r.Path == $"/api/marriage/v1/offices/{office}/availability");

    public void Dispose()
    {
        Phone.Dispose();
        Partner.Dispose();
        Gateway.Dispose();
        Marriage.Dispose();
    }
}

/// <summary>Phones polling "places left" are answered from the gateway's cache, at most one second old; partners'
/// calls and bookings never are.</summary>
public sealed class PublicReadCacheTests(CachedGateway platform) : IClassFixture<CachedGateway>
{
    private static string Availability(string office) =>
        $"/api/marriage/v1/offices/{office}/availability?from_date={Booking.Date}&to_date={Booking.Date}";

    private static async Task<(HttpResponseMessage Response, int Booked, int Capacity)> PollAsync(HttpClient client, string office)
    {
        var response = await client.GetAsync(Availability(office));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var slot = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days")[0].GetProperty("slots")[0];
        return (response, slot.TryGetProperty("booked", out var booked) ? booked.GetInt32() : 0, slot.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task A_repeated_poll_is_answered_from_the_cache_without_reaching_the_service()
    {
        var office = Booking.NewOffice();
        await Booking.OpenSlotAsync(platform.Partner, office, capacity: 5);

        var first = await PollAsync(platform.Phone, office);
        var second = await PollAsync(platform.Phone, office);
        var third = await PollAsync(platform.Phone, office);

        Assert.Equal(1, platform.ReadsReachingService(office));
        Assert.Equal((first.Booked, first.Capacity), (third.Booked, third.Capacity));
        Assert.False(first.Response.Headers.Contains("Age"));
        Assert.True(second.Response.Headers.Age is { } age && age <= TimeSpan.FromSeconds(1), $"Age {second.Response.Headers.Age}");
    }

    [Fact]
    public async Task A_phone_beyond_the_anonymous_limit_is_still_answered_from_the_cache_and_refused_only_what_would_reach_the_service()
    {
        using var limited = new CachedGateway(new Dictionary<string, string?> { ["RateLimits:Anonymous:PermitLimit"] = "2" });
        var offices = new[] { Booking.NewOffice(), Booking.NewOffice(), Booking.NewOffice() };
        foreach (var office in offices) await Booking.OpenSlotAsync(limited.Partner, office, capacity: 5);

        for (var i = 0; i < 10; i++) await PollAsync(limited.Phone, offices[0]); // ten refreshes, one reaches the service
        await PollAsync(limited.Phone, offices[1]); // the address's second call to the service
        var refused = await limited.Phone.GetAsync(Availability(offices[2]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal([1, 1, 0], offices.Select(limited.ReadsReachingService));
        await PollAsync(limited.Phone, offices[0]); // still answered, from the cache
    }

    [Fact]
    public async Task Only_the_polls_that_reach_the_service_are_audited_not_the_ones_the_cache_answers()
    {
        var office = Booking.NewOffice();
        await Booking.OpenSlotAsync(platform.Partner, office, capacity: 5);
        static bool IsPoll((string Category, string Message) line) => line.Category == "CivilAffairs.Gateway.Audit"
            && line.Message.Contains("route=marriage-public-availability ") && line.Message.Contains("partner=anonymous");
        var before = platform.Gateway.Log.Lines.Count(IsPoll);

        for (var i = 0; i < 5; i++) await PollAsync(platform.Phone, office);
        // A refused poll reaches the service (a refusal is never cached) and is audited; its line is queued after the
        // others, so once it is written every earlier line is too.
        var refused = await platform.Phone.GetAsync($"/api/marriage/v1/offices/{office}/availability?from_date=not-a-date");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        platform.Gateway.Log.WaitFor(l => IsPoll(l) && l.Message.Contains("status=400"));

        Assert.Equal(2, platform.ReadsReachingService(office)); // the first poll and the refusal
        Assert.Equal(before + 2, platform.Gateway.Log.Lines.Count(IsPoll)); // those two, not the 4 cached answers
    }

    [Fact]
    public async Task An_answer_is_at_most_one_second_old_then_the_next_poll_sees_the_booking()
    {
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(platform.Partner, office, capacity: 5);
        Assert.Equal(0, (await PollAsync(platform.Phone, office)).Booked);

        Assert.Equal(HttpStatusCode.OK, (await platform.Partner.PostAsJsonAsync("/api/marriage/v1/appointments", Booking.Couple(office, slot))).StatusCode);

        // Within the second the phones may still see the place free (never more than the slot has) ...
        platform.Clock.Advance(TimeSpan.FromMilliseconds(999));
        var stale = await PollAsync(platform.Phone, office);
        Assert.Equal((0, 5), (stale.Booked, stale.Capacity));
        Assert.Equal(1, platform.ReadsReachingService(office));

        // ... and once it is over, the next poll goes to the service and shows the booking.
        platform.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = await PollAsync(platform.Phone, office);
        Assert.Equal((1, 5), (fresh.Booked, fresh.Capacity));
        Assert.Equal(2, platform.ReadsReachingService(office));
    }

    [Fact]
    public async Task A_partners_reads_are_never_cached_nor_answered_from_the_cache()
    {
        var office = Booking.NewOffice();
        await Booking.OpenSlotAsync(platform.Partner, office, capacity: 5);

        await PollAsync(platform.Partner, office);
        await PollAsync(platform.Partner, office);
        Assert.Equal(2, platform.ReadsReachingService(office));

        // A phone's answer in the cache is not what a partner gets either.
        await PollAsync(platform.Phone, office);
        await PollAsync(platform.Phone, office);
        Assert.Equal(3, platform.ReadsReachingService(office));
        var partner = await PollAsync(platform.Partner, office);
        Assert.Equal(4, platform.ReadsReachingService(office));
        Assert.False(partner.Response.Headers.Contains("Age"));

        // Nor with a bearer token, or with a key the gateway does not know.
        foreach (var header in new[] { ("Authorization", "Bearer not-a-token"), ("X-Api-Key", "unknown-key") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Availability(office));
            request.Headers.Add(header.Item1, header.Item2);
            using var response = await platform.Phone.SendAsync(request);
            Assert.False(response.Headers.Contains("Age"), header.Item1);
        }
    }

    [Fact]
    public async Task Bookings_are_never_cached()
    {
        var office = Booking.NewOffice();
        var slot = await Booking.OpenSlotAsync(platform.Partner, office, capacity: 1);
        var first = await platform.Partner.PostAsJsonAsync("/api/marriage/v1/appointments", Booking.Couple(office, slot));
        var second = await platform.Partner.PostAsJsonAsync("/api/marriage/v1/appointments", Booking.Couple(office, slot));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode); // the slot is full: the service answered, not a cache
        Assert.Contains("slot-full", await second.Content.ReadAsStringAsync());
        Assert.Equal(2, platform.Marriage.Received.All.Count(r => r.Path == "/api/marriage/v1/appointments"));
    }

    [Theory]
    [InlineData("POST", null, null)]
    [InlineData("PUT", null, null)]
    [InlineData("DELETE", null, null)]
    [InlineData("GET", "X-Api-Key", "some-key")]
    [InlineData("GET", "Authorization", "Bearer some-token")]
    [InlineData("GET", "Content-Type", "application/grpc")]
    public async Task The_policy_neither_looks_up_nor_stores_other_calls(string method, string? header, string? value)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (header is not null) context.Request.Headers[header] = value;

        var caching = await CacheRequestAsync(context);

        Assert.True(caching.EnableOutputCaching);
        Assert.False(caching.AllowCacheLookup);
        Assert.False(caching.AllowCacheStorage);
    }

    [Fact]
    public async Task The_policy_caches_an_anonymous_GET_for_one_second_and_no_signed_in_partner()
    {
        var anonymous = await CacheRequestAsync(new DefaultHttpContext { Request = { Method = "GET" } });
        Assert.True(anonymous.AllowCacheLookup && anonymous.AllowCacheStorage);
        Assert.Equal(TimeSpan.FromSeconds(1), anonymous.ResponseExpirationTimeSpan);

        var signedIn = new DefaultHttpContext { Request = { Method = "GET" } };
        signedIn.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "all-scopes")], "Partner"));
        var partner = await CacheRequestAsync(signedIn);
        Assert.False(partner.AllowCacheLookup || partner.AllowCacheStorage);
    }

    private static async Task<OutputCacheContext> CacheRequestAsync(HttpContext http)
    {
        IOutputCachePolicy policy = new PublicReadsPolicy(PublicReadCache.FreshFor);
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, CancellationToken.None);
        return context;
    }

    [Fact]
    public async Task The_store_forgets_an_answer_when_it_expires_and_stays_within_its_size()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new ExpiringOutputCacheStore(clock, sizeLimitBytes: 100);
        await store.SetAsync("a", new byte[60], null, TimeSpan.FromSeconds(1), default);
        await store.SetAsync("b", new byte[60], null, TimeSpan.FromSeconds(1), default); // over the limit: not kept
        Assert.NotNull(await store.GetAsync("a", default));
        Assert.Null(await store.GetAsync("b", default));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.GetAsync("a", default));
        await store.SetAsync("b", new byte[60], null, TimeSpan.FromSeconds(1), default); // room again
        Assert.NotNull(await store.GetAsync("b", default));
        Assert.Equal(1, store.Count);
    }
}
