using System.Text.RegularExpressions;
using CivilAffairs.Operations.Tests.Deployment;
using static CivilAffairs.Operations.Tests.Deployment.KubernetesManifests;

namespace CivilAffairs.Operations.Tests;

/// <summary>Images are tagged with the platform's version (Directory.Build.props), never "latest"; others are pinned.</summary>
public sealed partial class ImageVersionTests
{
    private static IEnumerable<string> KubernetesImages() => Documents.Concat(Yaml.LoadAll("infra/observability/k8s.yaml"))
        .Where(d => d["kind"].Text is "Deployment" or "StatefulSet" or "Job")
        .SelectMany(d => d["spec"]["template"]["spec"]["containers"].Items.Select(c => c["image"].Text));

    private static IEnumerable<string> ComposeImages() =>
        Yaml.Load("infra/docker-compose.yml")["services"].Entries.Where(s => s.Value.Has("image")).Select(s => s.Value["image"].Text);

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Each_app_image_carries_the_platform_version_in_compose_and_Kubernetes(string name)
    {
        var image = $"civilaffairs/{name}:{PlatformVersion.Value}";
        Assert.Equal(image, Container(Get("Deployment", name))["image"].Text);
        Assert.Equal(image, Yaml.Load("infra/docker-compose.yml")["services"][name]["image"].Text);
    }

    [Fact]
    public void No_image_is_latest_or_untagged()
    {
        var images = KubernetesImages().Concat(ComposeImages()).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(PinnedTag(), image));
    }

    [GeneratedRegex(@"^[^:\s]+:(?!latest$)[\w][\w.-]*$")]
    private static partial Regex PinnedTag();
}
