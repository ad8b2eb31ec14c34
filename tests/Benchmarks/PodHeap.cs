using CivilAffairs.Platform.Tests;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// The heap limit an app has in its pod: 75% of the memory limit in its Kubernetes manifest (<c>infra/k8s/&lt;app&gt;.yaml</c>),
/// which .NET takes by itself inside a container. The benchmark starts the apps as processes, and outside a container
/// the GC sizes its youngest generation by the CPU's cache: on a VM reporting a 260 MB L3, marriage peaked at 254 MB
/// where its pod collects well below that.
/// </summary>
internal static partial class PodHeap
{
    public static IReadOnlyDictionary<string, string> Limit(string app)
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "infra", "k8s", app + ".yaml"));
        var limit = PodMemoryLimit().Match(manifest);
        if (!limit.Success) throw new InvalidOperationException($"infra/k8s/{app}.yaml sets no memory limit in Mi");
        var bytes = long.Parse(limit.Groups["mi"].Value, CultureInfo.InvariantCulture) * 1024 * 1024 * 3 / 4;
        return new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = $"0x{bytes:X}" };
    }

    [GeneratedRegex(@"limits:\s*\{[^}]*memory:\s*(?<mi>\d+)Mi")]
    private static partial Regex PodMemoryLimit();
}
