using System.Text;
using CivilAffairs.Marriage.Domain;

namespace CivilAffairs.Marriage;

/// <summary>
/// The server-side key of the certificates' verification codes, <c>Marriage:Certificates:VerificationKey</c> (at least 32
/// characters; from a secret in production), and <c>Marriage:Certificates:VerificationLinkBase</c>, the public address the
/// QR code points at. appsettings.Development.json carries a key for the developer run; a process refuses to start without a key,
/// and outside Development with that one: codes made with a published key could be forged.
/// </summary>
internal static class CertificateVerificationKey
{
    public const string KeySetting = "Marriage:Certificates:VerificationKey";
    public const string LinkSetting = "Marriage:Certificates:VerificationLinkBase";

    /// <summary>The key of appsettings.Development.json: public, so refused outside Development.</summary>
    public const string DevelopmentKey = "development-only-certificate-verification-key-not-a-secret";

    public static CertificateCodes Codes(IConfiguration configuration, IHostEnvironment environment)
    {
        var key = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException($"{KeySetting} is not set: certificates' verification codes need a server-side key in {environment.EnvironmentName}.");
        if (!environment.IsDevelopment() && key.Trim() == DevelopmentKey)
            throw new InvalidOperationException($"{KeySetting} is the development key in {environment.EnvironmentName}: give the service its own key.");
        var bytes = Encoding.UTF8.GetBytes(key.Trim());
        if (bytes.Length < 32) throw new InvalidOperationException($"{KeySetting} must be at least 32 characters long.");
        var link = configuration[LinkSetting];
        return new CertificateCodes(bytes, string.IsNullOrWhiteSpace(link) ? "http://localhost:5000" : link);
    }
}
