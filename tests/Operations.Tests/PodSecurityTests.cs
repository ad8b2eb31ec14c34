using CivilAffairs.Operations.Tests.Deployment;
using static CivilAffairs.Operations.Tests.Deployment.KubernetesManifests;

namespace CivilAffairs.Operations.Tests;

/// <summary>
/// Every workload under infra/k8s and infra/observability meets the "restricted" Pod Security Standard that the
/// namespace enforces, and the apps and stores survive a node drain one pod at a time.
/// </summary>
public sealed class PodSecurityTests
{
    private static readonly IReadOnlyList<Yaml> Workloads = Documents.Concat(Yaml.LoadAll("infra/observability/k8s.yaml"))
        .Where(d => d["kind"].Text is "Deployment" or "StatefulSet" or "Job")
        .ToList();

    public static TheoryData<string> WorkloadNames() => new(Workloads.Select(w => $"{w["kind"].Text}/{w["metadata"]["name"].Text}"));

    private static Yaml Workload(string name) => Workloads.Single(w => $"{w["kind"].Text}/{w["metadata"]["name"].Text}" == name);

    [Fact]
    public void The_namespace_enforces_the_restricted_standard()
    {
        var labels = Get("Namespace", "civilaffairs")["metadata"]["labels"].Strings;
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
    }

    [Theory]
    [MemberData(nameof(WorkloadNames))]
    public void Every_pod_runs_restricted_non_root_seccomp_no_capabilities_read_only_root(string name)
    {
        var pod = Workload(name)["spec"]["template"]["spec"];
        var podSecurity = pod["securityContext"];
        Assert.Equal("true", podSecurity["runAsNonRoot"].Text);
        Assert.NotEqual("0", podSecurity["runAsUser"].Text);
        Assert.Equal("RuntimeDefault", podSecurity["seccompProfile"]["type"].Text);
        foreach (var container in pod["containers"].Items)
        {
            var security = container["securityContext"];
            Assert.Equal("false", security["allowPrivilegeEscalation"].Text);
            Assert.Equal("true", security["readOnlyRootFilesystem"].Text);
            Assert.Equal(["ALL"], security["capabilities"]["drop"].Items.Select(i => i.Text));
            Assert.False(security.Has("privileged") && security["privileged"].Text == "true");
            Assert.False(security["capabilities"].Has("add"));
        }
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void The_apps_write_only_to_an_emptyDir_on_tmp(string name)
    {
        var pod = Get("Deployment", App.Named(name).Name)["spec"]["template"]["spec"];
        var mount = Assert.Single(Container(Get("Deployment", App.Named(name).Name))["volumeMounts"].Items);
        Assert.Equal("/tmp", mount["mountPath"].Text);
        Assert.True(pod["volumes"].Items.Single(v => v["name"].Text == mount["name"].Text).Has("emptyDir"));
    }

    [Theory]
    [MemberData(nameof(WorkloadNames))]
    public void Long_running_pods_have_a_startup_probe(string name)
    {
        var workload = Workload(name);
        if (workload["kind"].Text == "Job") return;
        Assert.All(workload["spec"]["template"]["spec"]["containers"].Items, c => Assert.True(c.Has("startupProbe"), $"{name}: {c["name"].Text}"));
    }

    public static TheoryData<string> DisruptionBudgeted() =>
        new(App.All.Select(a => a.Name).Concat(App.Services.Select(s => $"{s.Name}-mongo")));

    [Theory]
    [MemberData(nameof(DisruptionBudgeted))]
    public void A_drain_takes_down_one_pod_of_each_app_and_store_at_a_time(string name)
    {
        var budget = Get("PodDisruptionBudget", name)["spec"];
        Assert.Equal("1", budget["maxUnavailable"].Text);
        var workload = Find("Deployment", name) ?? Get("StatefulSet", name);
        Assert.Equal(workload["spec"]["selector"]["matchLabels"].Strings, budget["selector"]["matchLabels"].Strings);
    }
}
