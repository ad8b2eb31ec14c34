namespace CivilAffairs.ServiceDefaults.Security;

/// <summary>
/// Section <c>ServiceAuth</c>: who this process is to the others, the key it signs its calls with, and whose calls it
/// accepts. Keys are PEM (ECDSA P-256); in production they come from a secret (environment or mounted file), never
/// from a file in the repository.
/// </summary>
public sealed class ServiceCredentialOptions
{
    public const string Section = "ServiceAuth";

    /// <summary>This process's name, the audience of the calls it receives: marriage, social-assistance, staff-conduct,
    /// feedback, gateway.</summary>
    public string Name { get; set; } = "";

    /// <summary>The private key this process signs its service tokens with.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The callers this process accepts: name to public key. Only <c>gateway</c> may speak for a partner.</summary>
    public Dictionary<string, string> Trusted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a token is valid; a caller reuses it until shortly before it expires.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
