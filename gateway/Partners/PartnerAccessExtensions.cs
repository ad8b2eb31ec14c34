using CivilAffairs.Gateway.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace CivilAffairs.Gateway.Partners;

public static class PartnerAccessExtensions
{
    /// <summary>Any known partner, whatever its scopes (gRPC server reflection: what the contracts are, not data).</summary>
    public const string AnyPartnerPolicy = "any-partner";

    /// <summary>
    /// Partners sign in with an API key or a JWT bearer token: the scheme <see cref="PartnerClaims.Scheme"/> picks, per
    /// request, the API key handler when an <c>X-Api-Key</c> is sent and JwtBearer when an <c>Authorization: Bearer</c>
    /// is. Routes with <c>"AuthorizationPolicy": "partner-scope"</c> need the service's read or write scope, routes with
    /// <c>"anonymous"</c> are public.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DeveloperKeyRefusal>();
        builder.Services.AddSingleton<PartnerDirectory>();
        builder.Services.AddSingleton<ContractCatalog>();
        builder.Services.AddSingleton<ScopeRules>();
        builder.Services.AddAuthentication(PartnerClaims.Scheme)
            .AddPolicyScheme(PartnerClaims.Scheme, "API key or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(PartnerAuthenticationHandler.ApiKeyHeader) ? PartnerClaims.ApiKeyScheme
                    : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? PartnerClaims.BearerScheme
                        : PartnerClaims.ApiKeyScheme)
            .AddScheme<AuthenticationSchemeOptions, PartnerAuthenticationHandler>(PartnerClaims.ApiKeyScheme, null)
            .AddJwtBearer(PartnerClaims.BearerScheme, _ => { });
        // From the configuration the app finally runs with (tests and deployments add keys and issuers).
        builder.Services.AddOptions<JwtBearerOptions>(PartnerClaims.BearerScheme)
            .Configure<IConfiguration>((options, configuration) => BearerTokens.Configure(options, configuration));
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessRefusals>();
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy(ScopeRequirement.Policy, policy => policy
                .AddAuthenticationSchemes(PartnerClaims.Scheme)
                .AddRequirements(new ScopeRequirement()));
            options.AddPolicy(AnyPartnerPolicy, policy => policy
                .AddAuthenticationSchemes(PartnerClaims.Scheme)
                .RequireAuthenticatedUser());
        });
        return builder;
    }

}

/// <summary>The README's developer key (<c>local-dev-key-not-a-secret</c>, all scopes) is public: outside Development a
/// gateway configured with it does not start, naming the partner entry to replace. Checked when the host starts, on the
/// configuration it finally runs with.</summary>
internal sealed class DeveloperKeyRefusal(IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment()) return Task.CompletedTask;
        var developerKeyHash = PartnerDirectory.HashOf(PartnerDirectory.DeveloperKey);
        foreach (var partner in configuration.GetSection(PartnerDirectory.Section).GetChildren())
            if (string.Equals(partner["ApiKeySha256"]?.Trim(), developerKeyHash, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    $"{PartnerDirectory.Section}:{partner.Key} holds the README's developer key, which is public; it is accepted in Development only " +
                    $"(this is {environment.EnvironmentName}). Give the partner a key of its own (README: Partners).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
