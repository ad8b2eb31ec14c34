using CivilAffairs.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.ServiceDefaults.Clients;

public static class GrpcClientExtensions
{
    /// <summary>
    /// Registers a gRPC client for another service of the platform through the client factory. Its address is
    /// <c>Services:&lt;name&gt;:Grpc</c> (the target's HTTP/2 endpoint). Calls go through the shared resilience
    /// pipeline (<c>Resilience:Grpc</c> settings), carry the incoming call's deadline and cancellation, and present this
    /// process's service token for the target.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string serviceName)
        where TClient : ClientBase
    {
        var options = new GrpcResilienceOptions();
        builder.Configuration.GetSection("Resilience:Grpc").Bind(options);
        var interceptor = new GrpcResilienceInterceptor(serviceName, options);
        var addressKey = $"Services:{serviceName}:Grpc";
        builder.AddServiceCredentials(ServiceDefaultsExtensions.ProcessName(builder));
        return builder.Services
            .AddGrpcClient<TClient>(o =>
            {
                var address = builder.Configuration[addressKey]
                    ?? throw new InvalidOperationException($"{addressKey} is not set: where does {serviceName} listen for gRPC?");
                o.Address = new Uri(address);
            })
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => interceptor)
            .AddHttpMessageHandler(sp => new ServiceTokenHandler(sp.GetRequiredService<ServiceTokens>(), serviceName));
    }
}
