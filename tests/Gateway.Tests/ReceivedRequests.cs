using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CivilAffairs.Gateway.Tests;

/// <summary>What the service behind the gateway was sent: path and the trace headers, as the service saw them.</summary>
public sealed class ReceivedRequests : IStartupFilter
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    public IReadOnlyCollection<ReceivedRequest> All => _requests.ToArray();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            _requests.Enqueue(new ReceivedRequest(
                context.Request.Path.Value ?? "",
                context.Request.Protocol,
                context.Request.Headers["traceparent"].ToString(),
                context.Request.Headers["baggage"].ToString()));
            await proceed(context);
        });
        next(app);
    };

    /// <summary>The request the service received within the trace <paramref name="traceId"/>.</summary>
    public ReceivedRequest InTrace(string traceId) =>
        Assert.Single(All, r => r.TraceId == traceId);
}

public sealed record ReceivedRequest(string Path, string Protocol, string TraceParent, string Baggage)
{
    public string TraceId => TraceParent.Split('-') is { Length: 4 } parts ? parts[1] : "";

    public string ParentSpanId => TraceParent.Split('-') is { Length: 4 } parts ? parts[2] : "";

    /// <summary>A baggage entry (W3C <c>key=value</c> list; the .NET propagator writes spaces around '=').</summary>
    public string? BaggageItem(string key) => Baggage
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(item => item.Split('=', 2, StringSplitOptions.TrimEntries))
        .Where(pair => pair.Length == 2 && pair[0] == key)
        .Select(pair => Uri.UnescapeDataString(pair[1]))
        .FirstOrDefault();
}
