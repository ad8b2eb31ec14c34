using System.Diagnostics;
using System.Net;

namespace CivilAffairs.Gateway.Tests;

/// <summary>The window on spans and in baggage is the platform's: set from the route at the door, never by the caller.</summary>
public sealed class WindowAtTheDoorTests(MarriageBehindGateway platform) : IClassFixture<MarriageBehindGateway>
{
    [Fact]
    public async Task A_callers_own_baggage_cannot_name_the_window()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = Traced(HttpMethod.Get, "/api/staff/v1/windows/x/staff", traceId);
        request.Headers.Add("baggage", "civilaffairs.window=ELDERLY_CARE, other=kept");

        await platform.Rest.SendAsync(request);

        var received = platform.Marriage.Received.InTrace(traceId);
        Assert.Null(received.BaggageItem("civilaffairs.window")); // an all-windows route without X-Window-Type names none
    }

    [Fact]
    public async Task The_route_window_wins_over_a_callers_baggage()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = Traced(HttpMethod.Get, "/api/marriage/v1/appointments/apt_baggage", traceId);
        request.Headers.Add("baggage", "civilaffairs.window=PLACE_NAMES");

        await platform.Rest.SendAsync(request);

        Assert.Equal("MARRIAGE_REGISTRATION", platform.Marriage.Received.InTrace(traceId).BaggageItem("civilaffairs.window"));
    }

    [Fact]
    public async Task A_call_refused_for_want_of_a_credential_carries_its_routes_window()
    {
        var path = $"/api/marriage/v1/appointments/apt_{Guid.NewGuid():N}";
        var stopped = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.GetTagItem("url.path") as string == path) stopped.TrySetResult(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        using var anonymous = new HttpClient { BaseAddress = new Uri(platform.Gateway.HttpUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("baggage", "civilaffairs.window=PLACE_NAMES");

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The server span stops just after the response is sent.
        var span = await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("MARRIAGE_REGISTRATION", span.GetTagItem("civilaffairs.window"));
        Assert.DoesNotContain(platform.Marriage.Received.All, r => r.Path == path);
    }

    private static HttpRequestMessage Traced(HttpMethod method, string path, string traceId)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }
}
