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
                Add(Get("Secret", secret["name"].Text)["stringData"].Strings);
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

    /// <summary>The Service port a client uses for the named port of the pods (e.g. "grpc").</summary>
    public static int ServicePort(string service, string targetPort) =>
        int.Parse(Get("Service", service)["spec"]["ports"].Items.Single(p => p["targetPort"].Text == targetPort)["port"].Text);
}
