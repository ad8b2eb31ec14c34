using System.Text.RegularExpressions;

namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>
/// The secrets the deployment files name but the repository never holds, made on the operator's machine: the service
/// keys by <c>infra/make-secrets</c> (each process's <c>ServiceAuth__SigningKey</c> in <c>infra/secrets/&lt;name&gt;.env</c>,
/// every process's public key as <c>ServiceAuth__Trusted__&lt;name&gt;</c> in <c>infra/secrets/trusted.env</c>), and the
/// partners (<c>infra/secrets/partners.env</c>, the operator's own). Compose reads those files as they are
/// (<c>env_file</c>); in Kubernetes the operator creates the Secrets <c>&lt;name&gt;-service-key</c> and
/// <c>service-trust</c> from them (DEPLOYING.md, "Service keys"). Their keys are known from the script, their values
/// are not: a deployment's environment carries <see cref="Unknown"/> for them.
/// </summary>
public static partial class OperatorSecrets
{
    public const string Script = "infra/make-secrets";
    public const string Unknown = "(made by the operator: infra/make-secrets)";
    public const string SigningKey = "ServiceAuth__SigningKey";
    public const string TrustedPrefix = "ServiceAuth__Trusted__";
    public const string TrustFile = "secrets/trusted.env";
    public const string PartnersFile = "secrets/partners.env";
    public const string TrustSecret = "service-trust";

    /// <summary>The processes infra/make-secrets makes a key pair for (its <c>for name in ...</c> loop).</summary>
    public static IReadOnlyList<string> KeyedProcesses { get; } = ReadScript();

    public static string KeyFile(string process) => $"secrets/{process}.env";

    public static string KeySecret(string process) => $"{process}-service-key";

    /// <summary>Compose env files (relative to infra/) the operator makes, with the keys each holds. The partners'
    /// file holds keys the repository cannot know (one per partner): none are listed.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ComposeFiles { get; } =
        KeyedProcesses.ToDictionary(KeyFile, _ => (IReadOnlyList<string>)new[] { SigningKey })
            .Append(new(TrustFile, KeyedProcesses.Select(p => TrustedPrefix + p).ToList()))
            .Append(new(PartnersFile, []))
            .ToDictionary();

    /// <summary>Kubernetes Secrets the operator creates from those files (not in the repository), with their keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KubernetesSecrets { get; } =
        KeyedProcesses.ToDictionary(KeySecret, p => ComposeFiles[KeyFile(p)])
            .Append(new(TrustSecret, ComposeFiles[TrustFile]))
            .ToDictionary();

    public static IReadOnlyDictionary<string, string> Entries(IReadOnlyList<string> keys) =>
        keys.ToDictionary(key => key, _ => Unknown);

    private static List<string> ReadScript()
    {
        var script = Repository.Read(Script);
        var names = ProcessLoop().Match(script) is { Success: true } loop
            ? loop.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()
            : throw new InvalidOperationException($"{Script}: no `for name in ...; do` loop over the processes");
        // What each file holds, as the script writes it: the private key to <name>.env, every public key to trusted.env.
        if (!SigningKeyLine().IsMatch(script))
            throw new InvalidOperationException($"{Script} does not write {SigningKey} to $secrets/$name.env");
        if (!TrustedLine().IsMatch(script))
            throw new InvalidOperationException($"{Script} does not append {TrustedPrefix}$name to $secrets/trusted.env");
        return names;
    }

    [GeneratedRegex(@"^for name in ([a-z\- ]+); do$", RegexOptions.Multiline)]
    private static partial Regex ProcessLoop();

    [GeneratedRegex(@"printf 'ServiceAuth__SigningKey=%s\\n' .*>""\$secrets/\$name\.env""")]
    private static partial Regex SigningKeyLine();

    [GeneratedRegex(@"printf 'ServiceAuth__Trusted__%s=%s\\n' ""\$name"" .*>>""\$secrets/trusted\.env""")]
    private static partial Regex TrustedLine();
}
