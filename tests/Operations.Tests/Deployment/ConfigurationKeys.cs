using System.Text.Json;
using CivilAffairs.ServiceDefaults.Clients;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Security;

namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>
/// Which configuration keys a process really reads, so a deployment file cannot set one nobody reads (a typo, a key
/// renamed in the code) and silently run on a default. Environment variables use <c>__</c> for <c>:</c>.
/// </summary>
public static class ConfigurationKeys
{
    // Read by the host and the OpenTelemetry SDK (AddServiceDefaults exports over OTLP when the endpoint is set).
    // Logging:Console:FormatterName is the console logger's (json: one JSON object per line, in containers).
    private static readonly HashSet<string> HostKeys =
        ["ASPNETCORE_ENVIRONMENT", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "Logging__Console__FormatterName"];

    public static string FromEnvironment(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when <paramref name="app"/> reads <paramref name="variable"/>; otherwise why not.</summary>
    public static string? WhyUnread(App app, string variable)
    {
        if (HostKeys.Contains(variable)) return null;
        var key = FromEnvironment(variable);
        var parts = key.Split(':');

        if (key is DocumentStoreExtensions.ProviderKey or DocumentStoreExtensions.MongoConnectionKey
            or DocumentStoreExtensions.MongoDatabaseKey or DocumentStoreExtensions.SqlitePathKey)
            return app.HasStore ? null : $"{app} has no store";

        if (parts is ["Kestrel", "Endpoints", var endpoint, "Url"])
            return app.Endpoints.ContainsKey(endpoint) ? null
                : $"{app}'s appsettings.json has no Kestrel endpoint {endpoint} ({string.Join(", ", app.Endpoints.Keys)})";

        if (parts is ["Services", var target, "Grpc"])
            return app.Calls.Contains(target) ? null
                : $"{app} calls no service named {target} (it calls: {string.Join(", ", app.Calls)})";

        // Every process: its management port, and its service credentials (ServiceCredentialOptions): its own key and
        // the public keys of the callers it trusts, by the caller's name.
        if (key is ManagementPort.PortKey or ManagementPort.AddressKey) return null;
        if (parts is [ServiceCredentialOptions.Section, nameof(ServiceCredentialOptions.Trusted), var caller])
            return App.All.Any(a => a.Name == caller) ? null : $"no process is named {caller}: it cannot be a trusted caller";
        if (parts is [ServiceCredentialOptions.Section, var credentialSetting])
            return credentialSetting != nameof(ServiceCredentialOptions.Trusted)
                && typeof(ServiceCredentialOptions).GetProperty(credentialSetting) is not null ? null
                : $"the service credentials have no setting {credentialSetting} (Trusted is per caller: ServiceAuth__Trusted__<caller>)";

        // Tuning sections bound to options classes: a key is read if the class has that property.
        if (parts is ["Outbox", var outboxSetting])
            return !app.HasOutbox ? $"{app} has no outbox"
                : typeof(OutboxOptions).GetProperty(outboxSetting) is null ? $"the outbox has no setting {outboxSetting}" : null;
        if (parts is ["Resilience", "Grpc", var resilienceSetting])
            return app.Calls.Count == 0 ? $"{app} calls no other service"
                : typeof(GrpcResilienceOptions).GetProperty(resilienceSetting) is null ? $"gRPC resilience has no setting {resilienceSetting}" : null;

        // The gateway's own sections: partners (hashed keys and scopes), the token issuer, rate and request limits.
        if (parts is ["Partners", _, "ApiKeySha256"] or ["Partners", _, "Scopes", _]
            or ["Jwt", "Issuer" or "Audience" or "SigningKeyBase64" or "Jwks" or "JwksPath"] or ["Jwt", "SigningKeysBase64", _]
            or ["RateLimits", "Partner" or "Anonymous", "PermitLimit" or "WindowSeconds"]
            or ["RequestLimits", "MaxBodyBytes" or "MaxJsonDepth"])
        {
            if (app != App.Gateway) return $"{app} is not the gateway";
            return parts is ["Partners", _, "Scopes", var index] && !int.TryParse(index, out _)
                ? $"partner scopes are a list (Scopes__0, Scopes__1, ...), not {index}"
                : parts is ["Jwt", "SigningKeysBase64", var position] && !int.TryParse(position, out _)
                    ? $"signing keys are a list (SigningKeysBase64__0, __1, ...), not {position}"
                    : null;
        }

        if (parts is ["ReverseProxy", "Clusters", var cluster, "Destinations", var destination, "Address"])
        {
            if (app != App.Gateway) return $"{app} is not the gateway";
            return GatewayClusters.All.Any(c => c.Name == cluster && c.Destinations.Contains(destination)) ? null
                : $"the gateway's appsettings.json has no cluster {cluster} with destination {destination}";
        }
        return $"nothing in {app} reads {key}";
    }

    /// <summary>The keys a deployment must set for <paramref name="app"/> to work away from localhost.</summary>
    public static IEnumerable<string> Required(App app, bool mongo)
    {
        yield return "Kestrel__Endpoints__Http__Url";
        yield return "Kestrel__Endpoints__Grpc__Url";
        if (mongo)
        {
            yield return "Storage__Provider";
            yield return "ConnectionStrings__Mongo";
        }
        foreach (var target in app.Calls) yield return $"Services__{target}__Grpc";
        // Outside Development a process without its own key, or trusting nobody, refuses to start; each service
        // trusts every process that really calls it (the gateway has no callers of its own but trusts some key too,
        // which the deployment tests check).
        yield return $"{ServiceCredentialOptions.Section}__{nameof(ServiceCredentialOptions.SigningKey)}";
        foreach (var caller in app.Callers)
            yield return $"{ServiceCredentialOptions.Section}__{nameof(ServiceCredentialOptions.Trusted)}__{caller.Name}";
        if (app == App.Gateway)
            foreach (var cluster in GatewayClusters.All)
                foreach (var destination in cluster.Destinations)
                    yield return $"ReverseProxy__Clusters__{cluster.Name}__Destinations__{destination}__Address";
    }
}

/// <summary>A YARP cluster of the gateway: the service it reaches and whether over HTTP/2 (gRPC).</summary>
public sealed record GatewayCluster(string Name, App Service, bool Http2, IReadOnlyList<string> Destinations)
{
    public int Port => Http2 ? Service.GrpcPort : Service.HttpPort;
}

public static class GatewayClusters
{
    public static IReadOnlyList<GatewayCluster> All { get; } = App.Gateway.Settings
        .GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject()
        .Select(cluster => new GatewayCluster(
            cluster.Name,
            App.Named(cluster.Value.GetProperty("Metadata").GetProperty("Service").GetString()!),
            cluster.Value.TryGetProperty("HttpRequest", out var request)
                && request.TryGetProperty("Version", out var version) && version.GetString() == "2",
            cluster.Value.GetProperty("Destinations").EnumerateObject().Select(d => d.Name).ToList()))
        .ToList();
}
