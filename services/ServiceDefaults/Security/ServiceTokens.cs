using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using CivilAffairs.ServiceDefaults.Callers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CivilAffairs.ServiceDefaults.Security;

/// <summary>
/// Signs the service tokens this process presents when it calls another (ES256 JWTs: issuer this process, audience the
/// callee, the partner on whose behalf the gateway calls as a signed claim). A token is reused until a minute before it
/// expires, so signing is not per request.
/// </summary>
public sealed class ServiceTokens
{
    private readonly ServiceCredentialOptions _options;
    private readonly TimeProvider _time;
    private readonly SigningCredentials? _credentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<(string Audience, string? Partner), (string Token, DateTimeOffset Renew)> _cache = new();

    public ServiceTokens(ServiceCredentialOptions options) : this(options, TimeProvider.System) { }

    /// <summary>Token lifetimes are real time: the demonstration clock of Development never moves them.</summary>
    internal ServiceTokens(ServiceCredentialOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(options.SigningKey);
            _credentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = options.Name }, SecurityAlgorithms.EcdsaSha256);
        }
    }

    public string Name => _options.Name;

    /// <summary>A token for calling <paramref name="audience"/>, speaking for <paramref name="partner"/> when given.</summary>
    public string For(string audience, string? partner = null)
    {
        if (_credentials is null) throw new InvalidOperationException($"{ServiceCredentialOptions.Section}:SigningKey is not set: {Name} cannot call {audience}");
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue((audience, partner), out var cached) && cached.Renew > now) return cached.Token;
        var claims = new Dictionary<string, object> { [CallerIdentity.ServiceClaim] = Name };
        if (partner is not null) claims[CallerIdentity.PartnerClaim] = partner;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Name,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", Name)]),
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-5),
            Expires = (now + _options.TokenLifetime).UtcDateTime,
            SigningCredentials = _credentials,
        });
        if (_cache.Count > 10_000) _cache.Clear(); // partners are few; a flood of names must not grow this forever
        _cache[(audience, partner)] = (token, now + _options.TokenLifetime - TimeSpan.FromMinutes(1));
        return token;
    }
}
