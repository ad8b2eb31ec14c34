using System.Security.Cryptography;
using CivilAffairs.ServiceDefaults.Callers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CivilAffairs.ServiceDefaults.Security;

/// <summary>
/// Every process checks its caller: a call without a valid service token (signed by a trusted caller's key, for this
/// process as audience, not expired) is refused with 401 / UNAUTHENTICATED; only health probes answer anyone. Signed
/// tokens rather than mutual TLS: they carry the partner on whose behalf the gateway calls (for audit and idempotency
/// scoping) as a signed claim, need no certificate authority in the cluster, and are validated by the standard
/// JwtBearer handler. Keys are per caller (ECDSA), so a service can never speak for a partner: only the gateway can.
/// </summary>
public static class ServiceAuthentication
{
    public const string Gateway = "gateway";

    /// <summary>This process's name, signing key and trusted callers (section <c>ServiceAuth</c>). In Development,
    /// missing keys are the repository's development key; outside Development that key is refused.</summary>
    public static ServiceCredentialOptions AddServiceCredentials(this IHostApplicationBuilder builder, string name)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ServiceCredentialOptions))?.ImplementationInstance is ServiceCredentialOptions existing)
            return existing;
        var options = new ServiceCredentialOptions { Name = name };
        builder.Configuration.GetSection(ServiceCredentialOptions.Section).Bind(options);
        if (builder.Environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(options.SigningKey)) options.SigningKey = DevelopmentKeys.Private;
            if (options.Trusted.Count == 0)
                foreach (var caller in DevelopmentKeys.Callers) options.Trusted[caller] = DevelopmentKeys.Public;
        }
        else
        {
            var section = ServiceCredentialOptions.Section;
            if (DevelopmentKeys.IsDevelopmentKey(options.SigningKey) || options.Trusted.Values.Any(DevelopmentKeys.IsDevelopmentKey))
                throw new InvalidOperationException($"{section} uses the development key in {builder.Environment.EnvironmentName}: give each process its own key.");
            if (string.IsNullOrWhiteSpace(options.SigningKey))
                throw new InvalidOperationException($"{section}:SigningKey is not set: {options.Name} cannot present a credential to the services it calls.");
            if (options.Trusted.Count == 0)
                throw new InvalidOperationException($"{section}:Trusted is empty: {options.Name} would accept no caller.");
        }
        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(sp => new ServiceTokens(sp.GetRequiredService<ServiceCredentialOptions>()));
        return options;
    }

    /// <summary>Validates the service tokens of callers with JwtBearer; every endpoint requires one unless it allows
    /// anyone (health probes).</summary>
    public static IHostApplicationBuilder AddCallerAuthentication(this IHostApplicationBuilder builder, string name)
    {
        var options = builder.AddServiceCredentials(name);
        var keys = options.Trusted.ToDictionary(p => p.Key, p =>
        {
            var key = ECDsa.Create();
            key.ImportFromPem(p.Value);
            return (SecurityKey)new ECDsaSecurityKey(key) { KeyId = p.Key };
        });
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = keys.Keys,
                ValidAudience = options.Name,
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                IssuerSigningKeyResolver = (_, token, _, _) => keys.TryGetValue(token.Issuer, out var key) ? [key] : [],
                // A caller reuses its token for minutes: its ECDSA signature is checked once, not on every call.
                // Issuer, audience and lifetime are still validated by JwtBearer on each request.
                SignatureValidator = new VerifiedSignatures(keys).Validate,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = CallerIdentity.ServiceClaim,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var issuer = context.Principal?.FindFirst("iss")?.Value;
                    if (context.Principal?.FindFirst(CallerIdentity.PartnerClaim) is not null && issuer != Gateway)
                        context.Fail($"{issuer} may not speak for a partner");
                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser().Build());
        return builder;
    }
}

/// <summary>Adds this process's service token for the callee to every call of a gRPC client.</summary>
public sealed class ServiceTokenHandler(ServiceTokens tokens, string audience) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.For(audience));
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Checks a token's signature with the caller's key (the library's ES256 provider) and remembers the tokens
/// whose signature held, so the hot path does not verify the same bytes thousands of times a second.</summary>
internal sealed class VerifiedSignatures(IReadOnlyDictionary<string, SecurityKey> keys)
{
    private const int Remembered = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    public SecurityToken Validate(string token, TokenValidationParameters parameters)
    {
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
        if (_verified.ContainsKey(token)) return jwt;
        if (jwt.Alg != SecurityAlgorithms.EcdsaSha256 || !keys.TryGetValue(jwt.Issuer, out var key))
            throw new SecurityTokenSignatureKeyNotFoundException($"no key for issuer '{jwt.Issuer}' and algorithm '{jwt.Alg}'");
        var provider = key.CryptoProviderFactory.CreateForVerifying(key, SecurityAlgorithms.EcdsaSha256);
        try
        {
            var signed = System.Text.Encoding.ASCII.GetBytes(jwt.EncodedHeader + "." + jwt.EncodedPayload);
            if (!provider.Verify(signed, Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature)))
                throw new SecurityTokenInvalidSignatureException("the token's signature does not match its issuer's key");
        }
        finally
        {
            key.CryptoProviderFactory.ReleaseSignatureProvider(provider);
        }
        if (_verified.Count >= Remembered) _verified.Clear();
        _verified[token] = true;
        return jwt;
    }
}
