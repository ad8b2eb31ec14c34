using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace CivilAffairs.Gateway;

/// <summary>
/// Anonymous public reads answered from the gateway's memory for at most <see cref="FreshFor"/> (one second) after
/// the service's answer reached the gateway: on the peak day thousands of phones refresh "places left", and one call a
/// second per office and date range reaches the service instead of every refresh. A route opts in with
/// <c>"OutputCachePolicy": "public-reads"</c> (the availability route does). Never cached: a call with credentials (an
/// <c>X-Api-Key</c> or <c>Authorization</c> header, or a signed-in partner), anything but GET/HEAD, gRPC, and any
/// answer but a 200 without cookies. Concurrent misses of one key wait for a single call to the service. The cache runs
/// before authentication and the rate limits: a call with no credential needs neither to be answered from memory, and
/// only a miss, which reaches the service, counts against the caller's address.
/// Staleness is safe because the cache only ever delays what a phone sees: a cached answer is one the service gave, so
/// it never shows more booked places than a slot has, at worst more places left than remain for up to a second, and
/// bookings always go to the service, which never books beyond capacity (README, "Performance").
/// </summary>
public static class PublicReadCache
{
    public const string PolicyName = "public-reads";
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(1);

    /// <summary>At most this much memory for cached answers; beyond it, answers go uncached until entries expire.</summary>
    public const long SizeLimitBytes = 32L * 1024 * 1024;

    public static IHostApplicationBuilder AddPublicReadCache(this IHostApplicationBuilder builder)
    {
        // Expiry by the app's TimeProvider (the framework's memory store follows the wall clock only), so tests can
        // step time instead of sleeping.
        builder.Services.AddSingleton<IOutputCacheStore>(services =>
            new ExpiringOutputCacheStore(services.GetRequiredService<TimeProvider>(), SizeLimitBytes));
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(PolicyName, new PublicReadsPolicy(FreshFor));
            options.SizeLimit = SizeLimitBytes;
            options.MaximumBodySize = 1024 * 1024;
            options.UseCaseSensitivePaths = true; // office ids are case-sensitive: XICHENG-1 is not xicheng-1
        });
        return builder;
    }
}

/// <summary>The <see cref="PublicReadCache"/> rules, for one output-cache policy.</summary>
internal sealed class PublicReadsPolicy(TimeSpan freshFor) : IOutputCachePolicy
{
    public const string ApiKeyHeader = "X-Api-Key";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsAnonymousRead(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = freshFor;
        context.CacheVaryByRules.QueryKeys = "*";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.Items[AnsweredFromCacheKey] = true;
        return ValueTask.CompletedTask;
    }

    private static readonly object AnsweredFromCacheKey = new();

    /// <summary>True when this call was answered from the cache (it never reached a service).</summary>
    internal static bool AnsweredFromCache(HttpContext context) => context.Items.ContainsKey(AnsweredFromCacheKey);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                                                                        || v.Contains("private", StringComparison.OrdinalIgnoreCase)))
            || !IsAnonymousRead(context.HttpContext))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    internal static bool IsAnonymousRead(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && StringValues.IsNullOrEmpty(request.Headers[ApiKeyHeader])
            && context.User.Identity?.IsAuthenticated != true
            && !GatewayRefusal.IsGrpc(request);
    }
}

/// <summary>
/// Cached answers in memory, each expiring <c>validFor</c> after it was stored by <paramref name="clock"/>; bounded
/// by size (a full store stores nothing more until expired entries are swept).
/// </summary>
internal sealed class ExpiringOutputCacheStore(TimeProvider clock, long sizeLimitBytes) : IOutputCacheStore
{
    private readonly Dictionary<string, (byte[] Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _size;
    private DateTimeOffset _swept;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (now < entry.Expires) return ValueTask.FromResult<byte[]?>(entry.Value);
                Remove(key, entry.Value);
            }
        }
        return ValueTask.FromResult<byte[]?>(null);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (now - _swept >= TimeSpan.FromSeconds(1) || _size + value.Length > sizeLimitBytes) Sweep(now);
            if (_entries.Remove(key, out var old)) _size -= old.Value.Length;
            if (_size + value.Length > sizeLimitBytes) return ValueTask.CompletedTask;
            _entries[key] = (value, now + validFor);
            _size += value.Length;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The gateway's policies set no tags: nothing to evict by tag.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    internal int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    private void Sweep(DateTimeOffset now)
    {
        _swept = now;
        List<string>? expired = null;
        foreach (var (key, entry) in _entries)
            if (now >= entry.Expires) (expired ??= []).Add(key);
        if (expired is null) return;
        foreach (var key in expired) Remove(key, _entries[key].Value);
    }

    private void Remove(string key, byte[] value)
    {
        _entries.Remove(key);
        _size -= value.Length;
    }
}
