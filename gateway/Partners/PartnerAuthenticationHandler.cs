using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// Signs a partner in from its API key (<c>X-Api-Key</c> header or gRPC metadata), the scheme
/// <see cref="PartnerClaims.ApiKeyScheme"/>. A request without a key stays anonymous; whether that is allowed is the
/// route's authorization policy's business. Bearer tokens are JwtBearer's (<see cref="PartnerTokens"/>).
/// </summary>
internal sealed class PartnerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PartnerDirectory partners)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string ApiKeyHeader = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var apiKey = Request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var partner = partners.FindByApiKey(apiKey);
        return Task.FromResult(partner is null
            ? AuthenticateResult.Fail("unknown API key")
            : AuthenticateResult.Success(new AuthenticationTicket(
                PartnerClaims.Principal(partner.Name, partner.Scopes, "api-key"), Scheme.Name)));
    }
}
