namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>The repository's files, found from this test assembly's folder up to the folder of Platform.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}");
    }
}
