using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.ServiceDefaults.Security;

/// <summary>
/// Operations endpoints (<c>/ops/...</c>, <c>/metrics</c>) answer on a management port of their own and nowhere else:
/// no Service, compose entry or gateway route exposes it; in Kubernetes only Prometheus may reach it (infra/k8s/network-policies.yaml). The public
/// ports answer 404 for these paths. Setting: <c>Management:Port</c> (and <c>Management:Address</c>, loopback in
/// Development, every interface elsewhere).
/// </summary>
public static class ManagementPort
{
    public const string PortKey = "Management:Port";
    public const string AddressKey = "Management:Address";

    public static IHostApplicationBuilder AddManagementPort(this IHostApplicationBuilder builder)
    {
        if (builder is not WebApplicationBuilder web || Port(builder.Configuration) is not { } port) return builder;
        var address = builder.Configuration[AddressKey] is { Length: > 0 } configured
            ? IPAddress.Parse(configured)
            : builder.Environment.IsDevelopment() ? IPAddress.Loopback : IPAddress.Any;
        web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port, o => o.Protocols = HttpProtocols.Http1));
        return builder;
    }

    /// <summary>Restricts endpoints to the management port; without one configured they answer nowhere.</summary>
    public static TBuilder OnManagementPort<TBuilder>(this TBuilder endpoints, IConfiguration configuration) where TBuilder : IEndpointConventionBuilder
    {
        var port = Port(configuration);
        endpoints.RequireHost(port is null ? "management-port-not-configured.invalid" : $"*:{port}");
        return endpoints.AllowAnonymous();
    }

    private static int? Port(IConfiguration configuration)
    {
        var port = configuration.GetValue<int?>(PortKey);
        return port > 0 ? port : null;
    }
}
