using CivilAffairs.Operations.Tests.Deployment;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.Operations.Tests;

/// <summary>Each app's Dockerfile: built with the SDK, run on the ASP.NET runtime as a non-root user, health-checked.</summary>
public sealed class DockerfileTests
{
    private static Dockerfile Of(App app) => new($"{app.Folder}/Dockerfile");

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Builds_with_the_SDK_and_runs_on_the_ASP_NET_runtime_image(string name)
    {
        var dockerfile = Of(App.Named(name));
        Assert.True(dockerfile.Stages.Count >= 2, "multi-stage: the SDK stays out of the image that runs");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", dockerfile.Stages[0].Image);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.Final.Image);
        Assert.Contains(dockerfile.Final.All("COPY"), copy => copy.StartsWith("--from=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Runs_as_a_non_root_user(string name)
    {
        var user = Of(App.Named(name)).Final.All("USER").LastOrDefault();
        Assert.NotNull(user);
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Checks_its_health_on_the_liveness_path_of_its_REST_port_with_a_tool_the_image_has(string name)
    {
        var app = App.Named(name);
        var final = Of(app).Final;
        var check = Assert.Single(final.All("HEALTHCHECK"));
        Assert.Contains(ServiceDefaultsExtensions.LivenessPath, check);
        Assert.Contains($"{app.HttpPort}", check);
        // The aspnet runtime image has bash but no curl or wget: a check that calls one must install it.
        foreach (var tool in new[] { "curl", "wget" })
            if (check.Contains($"CMD {tool} ", StringComparison.Ordinal))
                Assert.Contains(final.All("RUN"), run => run.Contains("install", StringComparison.Ordinal)
                    && run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(tool));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Starts_the_app_and_exposes_the_ports_of_its_appsettings(string name)
    {
        var app = App.Named(name);
        var final = Of(app).Final;
        Assert.Contains($"\"{app.Assembly}.dll\"", Assert.Single(final.All("ENTRYPOINT")));
        var exposed = final.All("EXPOSE").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.All(app.Endpoints.Values, port => Assert.Contains($"{port}", exposed));
    }
}
