using CivilAffairs.Gateway.Contracts;
using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Model;

namespace CivilAffairs.Gateway.Partners;

/// <summary>A call needs the read or write scope of the route's service (see <see cref="ScopeRules"/>).</summary>
public sealed class ScopeRequirement : IAuthorizationRequirement
{
    public const string Policy = "partner-scope";
}

/// <summary>
/// Which scope a call needs: the route's scope family (route metadata <c>Scope</c>, e.g. <c>marriage</c>) and
/// <c>.read</c> for an RPC that only reads (<see cref="ContractMethod.IsRead"/>; any REST GET), <c>.write</c> for
/// everything that can change state.
/// </summary>
public sealed class ScopeRules(ContractCatalog contracts)
{
    public const string RouteMetadataKey = "Scope";
    private readonly Dictionary<string, ContractMethod> _byGrpcPath =
        contracts.Methods.ToDictionary(m => m.GrpcPath, StringComparer.Ordinal);

    public string? RequiredScope(HttpContext context)
    {
        var family = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.GetValueOrDefault(RouteMetadataKey);
        return family is null ? null : $"{family}.{(IsRead(context.Request) ? "read" : "write")}";
    }

    private bool IsRead(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (GatewayRefusal.IsGrpc(request)) return _byGrpcPath.GetValueOrDefault(path)?.IsRead == true;
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || contracts.ForRest(request.Method, path)?.IsRead == true;
    }
}

internal sealed class ScopeRequirementHandler(ScopeRules rules) : AuthorizationHandler<ScopeRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement,
        HttpContext resource)
    {
        if (context.User.PartnerName() is null) return Task.CompletedTask; // not signed in: a challenge (401)
        var scope = rules.RequiredScope(resource);
        if (scope is null)
            context.Fail(new AuthorizationFailureReason(this, "this route names no scope, so no partner may call it"));
        else if (context.User.HasClaim(PartnerClaims.Scope, scope))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, $"this call needs the scope {scope}"));
        return Task.CompletedTask;
    }
}
