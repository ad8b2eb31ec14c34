using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CivilAffairs.Gateway.Partners;

/// <summary>
/// The partner systems allowed through the gateway, from configuration section <c>Partners</c>:
/// <c>"Partners": { "township-hall": { "ApiKeySha256": "&lt;hex&gt;", "Scopes": [ "marriage.read", "marriage.write" ] } }</c>.
/// Only the SHA-256 of each key is stored: keys are long random strings, so a fast hash cannot be reversed by guessing.
/// A key once verified is remembered (in memory, for the life of the process), so a partner's later calls cost a
/// dictionary look-up, not a hash; keys that matched nobody are remembered too, up to <see cref="MaxRemembered"/>.
/// </summary>
public sealed class PartnerDirectory
{
    public const string Section = "Partners";

    /// <summary>The README's key for trying the platform on a workstation: Development only.</summary>
    public const string DeveloperKey = "local-dev-key-not-a-secret";

    /// <summary>Bounds the memory an attacker sending random keys can fill: past it, unknown keys are hashed each time.</summary>
    public const int MaxRemembered = 4096;

    /// <summary>Keys longer than this are not remembered (nobody's real key is that long; each costs a hash).</summary>
    private const int MaxRememberedKeyLength = 256;

    private readonly Dictionary<string, Partner> _byKeyHash;
    private readonly ConcurrentDictionary<string, Partner?> _verified = new(StringComparer.Ordinal);

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

    /// <summary>How many keys are remembered as verified (known or unknown); for tests.</summary>
    internal int Remembered => _verified.Count;

    /// <summary>How many keys were hashed so far; for tests.</summary>
    internal long HashesComputed => Interlocked.Read(ref _hashes);

    private long _hashes;

    public Partner? FindByApiKey(string apiKey)
    {
        if (_verified.TryGetValue(apiKey, out var known)) return known;
        Interlocked.Increment(ref _hashes);
        var partner = _byKeyHash.GetValueOrDefault(HashOf(apiKey));
        // Known keys are few (one per partner) and always kept; unknown ones only while there is room.
        if (apiKey.Length <= MaxRememberedKeyLength && (partner is not null || _verified.Count < MaxRemembered))
            _verified.TryAdd(apiKey, partner);
        return partner;
    }

    /// <summary>What to put in configuration for a new key: <c>ApiKeySha256</c>.</summary>
    public static string HashOf(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}

public sealed record Partner(string Name, IReadOnlySet<string> Scopes);
