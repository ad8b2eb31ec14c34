using System.Security.Claims;

namespace CivilAffairs.Gateway.Partners;

/// <summary>How a signed-in partner is carried on the request: its name and one claim per scope.</summary>
public static class PartnerClaims
{
    /// <summary>The policy scheme routes use: it forwards each request to <see cref="ApiKeyScheme"/> or
    /// <see cref="BearerScheme"/>, whichever credential the request carries.</summary>
    public const string Scheme = "Partner";
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";
    public const string Scope = "scope";

    public static ClaimsPrincipal Principal(string partner, IEnumerable<string> scopes, string method) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, partner), new Claim(ClaimTypes.AuthenticationMethod, method),
             .. scopes.Select(scope => new Claim(Scope, scope))],
            Scheme));

    public static string? PartnerName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
}
