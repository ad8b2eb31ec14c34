using CivilAffairs.Gateway.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CivilAffairs.Gateway.Partners;

public static class PartnerAccessExtensions
{
    /// <summary>
    /// Partners sign in with an API key or a JWT; routes with <c>"AuthorizationPolicy": "partner-scope"</c> need the
    /// service's read or write scope, routes with <c>"anonymous"</c> are public.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PartnerDirectory>();
        builder.Services.AddSingleton<PartnerTokens>();
        builder.Services.AddSingleton<ContractCatalog>();
        builder.Services.AddSingleton<ScopeRules>();
        builder.Services.AddAuthentication(PartnerClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, PartnerAuthenticationHandler>(PartnerClaims.Scheme, null);
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessRefusals>();
        builder.Services.AddAuthorization(options => options.AddPolicy(ScopeRequirement.Policy, policy => policy
            .AddAuthenticationSchemes(PartnerClaims.Scheme)
            .AddRequirements(new ScopeRequirement())));
        return builder;
    }
}
