using System.Security.Cryptography;
using System.Text;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// The partner systems allowed through the gateway, from configuration section <c>Partners</c>:
/// <c>"Partners": { "township-hall": { "ApiKeySha256": "&lt;hex&gt;", "Scopes": [ "marriage.read", "marriage.write" ] } }</c>.
/// Only the SHA-256 of each key is stored: keys are long random strings, so a fast hash cannot be reversed by guessing.
/// </summary>
public sealed class PartnerDirectory
{
    public const string Section = "Partners";
    private readonly Dictionary<string, Partner> _byKeyHash;

    public PartnerDirectory(IConfiguration configuration)
    {
        _byKeyHash = new(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var hash = entry["ApiKeySha256"];
            if (string.IsNullOrWhiteSpace(hash)) continue; // a partner that signs in with JWT only
            var scopes = entry.GetSection("Scopes").GetChildren().Select(s => s.Value).OfType<string>().ToHashSet();
            _byKeyHash[hash.Trim()] = new Partner(entry.Key, scopes);
        }
    }

    public Partner? FindByApiKey(string apiKey) =>
        _byKeyHash.GetValueOrDefault(HashOf(apiKey));

    /// <summary>What to put in configuration for a new key: <c>ApiKeySha256</c>.</summary>
    public static string HashOf(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}

public sealed record Partner(string Name, IReadOnlySet<string> Scopes);
