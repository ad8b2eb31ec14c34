using System.Text.RegularExpressions;
using System.Xml.Linq;
using CivilAffairs.Operations.Tests.Deployment;

namespace CivilAffairs.Operations.Tests;

/// <summary>
/// The five Dockerfiles are one pattern: the same text but for the app's folder, project, assembly, ports and name;
/// packages are restored from the project files alone (a cached layer), sources copied after; the context is the
/// repository root filtered by one .dockerignore.
/// </summary>
public sealed partial class DockerfilePatternTests
{
    private static string Normalised(App app) => WhatLine().Replace(Repository.Read($"{app.Folder}/Dockerfile"), "# The image of {what}", 1)
        .Replace(app.Folder, "{folder}").Replace(ProjectFile(app), "{project}").Replace(app.Assembly, "{assembly}")
        .Replace($"{app.HttpPort}", "{http}").Replace($"{app.GrpcPort}", "{grpc}")
        .Replace($"civilaffairs/{{folder}}", "civilaffairs/{name}") // the gateway's folder is its name
        .Replace($"civilaffairs/{app.Name}", "civilaffairs/{name}");

    private static string ProjectFile(App app) =>
        Path.GetFileName(Directory.GetFiles(Repository.PathOf(app.Folder), "*.csproj").Single());

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Every_Dockerfile_is_the_one_pattern(string name) =>
        Assert.Equal(Normalised(App.Marriage), Normalised(App.Named(name)));

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void Packages_are_restored_from_the_project_files_of_every_project_the_app_builds_before_the_sources_come_in(string name)
    {
        var app = App.Named(name);
        var build = new Dockerfile($"{app.Folder}/Dockerfile").Stages[0].Instructions;
        var restore = build.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore"));
        Assert.True(restore > 0);
        var before = build.Take(restore).Where(i => i.Keyword == "COPY").Select(i => i.Arguments).ToList();
        // Only project and build files: a change in a source file does not invalidate the restored layer.
        Assert.All(before.SelectMany(copy => copy.Split(' ')[..^1]), source => Assert.Matches(@"\.(csproj|props)$", source));
        foreach (var project in ProjectClosure($"{app.Folder}/{ProjectFile(app)}").Append("tools/HealthProbe/HealthProbe.csproj"))
        {
            Assert.Contains(before, copy => copy.StartsWith(project + " ", StringComparison.Ordinal));
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
            var sources = build.Skip(restore).Where(i => i.Keyword == "COPY").Select(i => i.Arguments.Split(' ')[0]);
            Assert.Contains(sources, source => folder.StartsWith(source.TrimEnd('/'), StringComparison.Ordinal)
                || source.TrimEnd('/').StartsWith(folder, StringComparison.Ordinal));
        }
        Assert.Contains(build, i => i.Keyword == "RUN" && i.Arguments.Contains("--no-restore"));
    }

    [Theory]
    [MemberData(nameof(App.Names), MemberType = typeof(App))]
    public void The_image_installs_nothing(string name) =>
        Assert.DoesNotContain(new Dockerfile($"{App.Named(name).Folder}/Dockerfile").Final.All("RUN"),
            run => run.Contains("apt-get", StringComparison.Ordinal) || run.Contains("install", StringComparison.Ordinal));

    [Fact]
    public void One_dockerignore_at_the_root_keeps_builds_stores_and_git_out_of_the_context()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", ".git/", "**/*.db", "**/TestResults/" }, ignored);
        Assert.DoesNotContain(Directory.EnumerateFiles(Repository.Root, "*.dockerignore", SearchOption.AllDirectories),
            f => Path.GetFileName(f) != ".dockerignore" && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}"));
    }

    /// <summary>The project and every project it references, transitively, relative to the repository root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        void Visit(string relative)
        {
            if (!seen.Add(relative)) return;
            var folder = Path.GetDirectoryName(relative)!;
            foreach (var reference in XDocument.Load(Repository.PathOf(relative)).Descendants("ProjectReference"))
                Visit(Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.PathOf(folder), reference.Attribute("Include")!.Value)))
                    .Replace('\\', '/'));
        }
        Visit(project);
        return seen;
    }

    [GeneratedRegex("^# The image of [^:]+", RegexOptions.Multiline)]
    private static partial Regex WhatLine();
}
