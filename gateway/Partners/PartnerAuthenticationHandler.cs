using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// Signs a partner in from its API key (<c>X-Api-Key</c> header or gRPC metadata) or a JWT bearer token
/// (<c>Authorization: Bearer</c>) from the configured issuer. A request with neither stays anonymous; whether that is
/// allowed is the route's authorization policy's business.
/// </summary>
internal sealed class PartnerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PartnerDirectory partners, PartnerTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string ApiKeyHeader = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var apiKey = Request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length > 0)
        {
            var partner = partners.FindByApiKey(apiKey);
            return Task.FromResult(partner is null
                ? AuthenticateResult.Fail("unknown API key")
                : Success(PartnerClaims.Principal(partner.Name, partner.Scopes, "api-key")));
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var principal = tokens.Validate(authorization["Bearer ".Length..].Trim(), out var problem);
            return Task.FromResult(principal is null ? AuthenticateResult.Fail(problem!) : Success(principal));
        }
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
}
