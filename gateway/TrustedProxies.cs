using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CivilAffairs.Gateway;

/// <summary>
/// Behind a load balancer or an office NAT, the client's address is the one the proxy forwards (<c>X-Forwarded-For</c>);
/// it is believed only when the connection comes from a proxy of configuration <c>TrustedProxies</c>: <c>Addresses</c>
/// (e.g. <c>10.0.0.4</c>) and <c>Networks</c> (e.g. <c>10.0.0.0/8</c>), <c>ForwardLimit</c> (proxies in the chain,
/// default 1). None by default, loopback included: anybody else could name any address and get a fresh budget.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "TrustedProxies";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(Section);
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in section.GetSection("Addresses").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.TryParse(address, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{Section}:Addresses holds '{address}', which is not an IP address"));
            foreach (var network in section.GetSection("Networks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{Section}:Networks holds '{network}', which is not a network (address/prefix)"));
        });
        return builder;
    }

    /// <summary>Reads forwarded addresses only when a proxy is configured: with none, ASP.NET Core's middleware would
    /// believe every caller.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        return app;
    }
}
