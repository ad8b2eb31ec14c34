namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>Every document of every manifest under infra/k8s, found by kind and name.</summary>
public static class KubernetesManifests
{
    public const string Folder = "infra/k8s";

    public static IReadOnlyList<string> Files { get; } = Directory
        .EnumerateFiles(Repository.PathOf(Folder), "*.yaml")
        .Select(path => $"{Folder}/{Path.GetFileName(path)}")
        .Order()
        .ToList();

    public static IReadOnlyList<Yaml> Documents { get; } = Files
        .Where(file => !file.EndsWith("/kustomization.yaml", StringComparison.Ordinal))
        .SelectMany(Yaml.LoadAll)
        .ToList();

    public static Yaml? Find(string kind, string name) => Documents.SingleOrDefault(d =>
        d["kind"].Text == kind && d["metadata"]["name"].Text == name);

    public static Yaml Get(string kind, string name) =>
        Find(kind, name) ?? throw new Xunit.Sdk.XunitException($"no {kind} named {name} under {Folder}");

    public static Yaml Container(Yaml workload) => workload["spec"]["template"]["spec"]["containers"].Items.First();

    /// <summary>The environment of a Deployment's container: its ConfigMaps, Secrets and env entries.</summary>
    public static IReadOnlyDictionary<string, string> Environment(Yaml deployment)
    {
        var container = Container(deployment);
        var environment = new Dictionary<string, string>();
        foreach (var source in container.Optional("envFrom")?.Items ?? [])
        {
            if (source.Optional("configMapRef") is { } configMap)
                Add(Get("ConfigMap", configMap["name"].Text)["data"].Strings);
            if (source.Optional("secretRef") is { } secret)
                Add(Secret(secret["name"].Text));
        }
        foreach (var variable in container.Optional("env")?.Items ?? [])
            Add(new Dictionary<string, string> { [variable["name"].Text] = variable["value"].Text });
        return environment;

        void Add(IReadOnlyDictionary<string, string> entries)
        {
            foreach (var (key, value) in entries)
                Assert.True(environment.TryAdd(key, value), $"{deployment}: {key} is set twice");
        }
    }

    /// <summary>
    /// The entries of a Secret a container loads: a Secret of the repository (its <c>stringData</c>), or one the
    /// operator creates and the repository never holds (<c>&lt;name&gt;-service-key</c>: <c>ServiceAuth__SigningKey</c>;
    /// <c>service-trust</c>: <c>ServiceAuth__Trusted__&lt;caller&gt;</c> for every process; see
    /// <see cref="OperatorSecrets"/>), whose values are <see cref="OperatorSecrets.Unknown"/>. Any other missing
    /// Secret fails.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Secret(string name)
    {
        if (Find("Secret", name) is { } defined) return defined["stringData"].Strings;
        return OperatorSecrets.KubernetesSecrets.TryGetValue(name, out var keys) ? OperatorSecrets.Entries(keys)
            : throw new Xunit.Sdk.XunitException($"no Secret named {name} under {Folder}, nor one the operator makes ({string.Join(", ", OperatorSecrets.KubernetesSecrets.Keys)})");
    }

    /// <summary>The Service port a client uses for the named port of the pods (e.g. "grpc").</summary>
    public static int ServicePort(string service, string targetPort) =>
        int.Parse(Get("Service", service)["spec"]["ports"].Items.Single(p => p["targetPort"].Text == targetPort)["port"].Text);
}
