using System.Net.Http.Headers;
using System.Security.Cryptography;
using CivilAffairs.ServiceDefaults.Security;

namespace CivilAffairs.TestSupport;

/// <summary>
/// Credentials for services under test: a key pair of the test run (never the development key), trusted for every
/// caller name, and the tokens a gateway or a service would present with it.
/// </summary>
public static class TestCallers
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static readonly string PrivateKey = Key.ExportPkcs8PrivateKeyPem();
    public static readonly string PublicKey = Key.ExportSubjectPublicKeyInfoPem();

    public static readonly string[] Callers = ["gateway", "marriage", "social-assistance", "staff-conduct", "feedback"];

    /// <summary>The partner the test gateway speaks for unless a test says otherwise.</summary>
    public const string Partner = "test-partner";

    /// <summary>The settings a process needs to accept these callers and present their credentials itself.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string name)
    {
        yield return new("ServiceAuth:Name", name);
        yield return new("ServiceAuth:SigningKey", PrivateKey);
        foreach (var caller in Callers) yield return new($"ServiceAuth:Trusted:{caller}", PublicKey);
        // Marriage's key for its certificates' verification codes: outside Development it refuses to start without one.
        if (name == "marriage") yield return new("Marriage:Certificates:VerificationKey", CertificateVerificationKey);
    }

    /// <summary>The test run's key for the marriage certificates' verification codes (never the development one).</summary>
    public static readonly string CertificateVerificationKey = "test-run-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>A token of <paramref name="caller"/> for <paramref name="audience"/>, speaking for <paramref name="partner"/>.</summary>
    public static string Token(string audience, string? partner = Partner, string caller = "gateway") =>
        new ServiceTokens(new ServiceCredentialOptions { Name = caller, SigningKey = PrivateKey, TokenLifetime = TimeSpan.FromHours(1) })
            .For(audience, partner);

    /// <summary>A handler that presents a token on every request, as the gateway does for the partner it serves.</summary>
    public static DelegatingHandler Presenting(string audience, string? partner = Partner, HttpMessageHandler? inner = null) =>
        new Bearer(() => Token(audience, partner)) { InnerHandler = inner ?? new HttpClientHandler() };

    private sealed class Bearer(Func<string> token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
