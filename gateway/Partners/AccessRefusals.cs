using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// Says plainly why a call was not let through: 401 when the partner is not recognised (no key, unknown key, bad
/// token), 403 when it lacks the scope, as problem JSON (gRPC UNAUTHENTICATED / PERMISSION_DENIED).
/// </summary>
internal sealed class AccessRefusals(ScopeRules rules) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The handler keeps its result for the request, so asking again costs nothing.
            var failure = (await context.AuthenticateAsync(PartnerClaims.Scheme)).Failure?.Message;
            context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{PartnerAuthenticationHandler.ApiKeyHeader}\", Bearer";
            await GatewayRefusal.WriteAsync(context, StatusCodes.Status401Unauthorized, Grpc.Core.StatusCode.Unauthenticated,
                "Partner not recognised",
                failure is null
                    ? $"Send your API key in the {PartnerAuthenticationHandler.ApiKeyHeader} header or a bearer token."
                    : $"The credentials were refused: {failure}.");
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
            await GatewayRefusal.WriteAsync(context, StatusCodes.Status403Forbidden, Grpc.Core.StatusCode.PermissionDenied,
                "Not allowed for this partner",
                reasons.Count > 0 ? string.Join("; ", reasons) : "This partner may not make this call.",
                new Dictionary<string, object?> { ["requiredScope"] = rules.RequiredScope(context) });
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
