using System.Globalization;
using System.Threading.RateLimiting;
using CivilAffairs.Gateway.Partners;
using Microsoft.AspNetCore.RateLimiting;

namespace CivilAffairs.Gateway;

/// <summary>
/// Calls per partner, and per client address for anonymous callers, in fixed windows from configuration
/// (<c>RateLimits:Partner</c>, <c>RateLimits:Anonymous</c> and <c>RateLimits:Display</c>: <c>PermitLimit</c>,
/// <c>WindowSeconds</c>). The hall screens' reads (<c>/display/...</c>) have a budget of their own per address, so
/// screens polling from behind an office's one address never spend the budget of the citizens behind it. The address
/// is the client's as a trusted proxy forwards it (<see cref="TrustedProxies"/>). Beyond the limit: 429 with
/// <c>Retry-After</c> (gRPC RESOURCE_EXHAUSTED). Health probes are never limited, nor anonymous reads answered from
/// the <see cref="PublicReadCache"/>, which runs first: an answer from memory costs less than a refusal would.
/// </summary>
public static class RateLimits
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        // Read from the configuration the app finally runs with (tests and deployments override the limits).
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var partner = Limit(configuration.GetSection("RateLimits:Partner"), permits: 1200);
            var anonymous = Limit(configuration.GetSection("RateLimits:Anonymous"), permits: 120);
            // A screen polls its few reads every few seconds (about 50 a minute): room for a dozen screens per address.
            var display = Limit(configuration.GetSection("RateLimits:Display"), permits: 600);
            // Made once, not per call: the partition's key is a struct and these delegates are shared.
            Func<Caller, FixedWindowRateLimiterOptions> forPartner = _ => partner, forAddress = _ => anonymous, forScreens = _ => display;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Caller>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter(default(Caller));
                var name = context.User.PartnerName();
                if (name is not null) return RateLimitPartition.GetFixedWindowLimiter(new Caller(name, null, false), forPartner);
                var address = context.Connection.RemoteIpAddress;
                return context.Request.Path.StartsWithSegments("/display")
                    ? RateLimitPartition.GetFixedWindowLimiter(new Caller(null, address, true), forScreens)
                    : RateLimitPartition.GetFixedWindowLimiter(new Caller(null, address, false), forAddress);
            });
            options.OnRejected = (rejected, _) => TooManyAsync(rejected);
        });
        return builder;
    }

    /// <summary>Whose calls share a limit: a partner by name, or an anonymous client by address (its screens apart).</summary>
    private readonly record struct Caller(string? Partner, System.Net.IPAddress? Address, bool Screens);

    private static FixedWindowRateLimiterOptions Limit(IConfigurationSection section, int permits) => new()
    {
        PermitLimit = section.GetValue("PermitLimit", permits),
        Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask TooManyAsync(OnRejectedContext rejected)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GatewayRefusal.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
            Grpc.Core.StatusCode.ResourceExhausted, "Too many requests",
            $"This client has made more calls than its limit allows; try again in {seconds} s.");
    }
}
