using CivilAffairs.Gateway.Partners;
using CivilAffairs.ServiceDefaults.Security;
using Yarp.ReverseProxy.Transforms;

namespace CivilAffairs.Gateway;

/// <summary>
/// Every call the gateway forwards carries the gateway's service token for the service behind the route (the
/// cluster's <c>Service</c> metadata), with the partner it serves as a signed claim. What the partner sent to prove
/// itself (API key, bearer token) stays at the gateway: the services never see a partner's secret, and a caller cannot
/// set the partner the services see.
/// </summary>
public static class ServiceCredentials
{
    public static IReverseProxyBuilder AddServiceCredentials(this IReverseProxyBuilder proxy, IHostApplicationBuilder builder)
    {
        builder.AddServiceCredentials(ServiceAuthentication.Gateway);
        return proxy.AddTransforms(context =>
        {
            var service = context.Cluster?.Metadata?.GetValueOrDefault("Service");
            context.AddRequestTransform(transform =>
            {
                var headers = transform.ProxyRequest.Headers;
                headers.Remove("X-Api-Key");
                headers.Authorization = null;
                if (service is null) return ValueTask.CompletedTask;
                var tokens = transform.HttpContext.RequestServices.GetRequiredService<ServiceTokens>();
                headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                    tokens.For(service, transform.HttpContext.User.PartnerName()));
                return ValueTask.CompletedTask;
            });
        });
    }
}
