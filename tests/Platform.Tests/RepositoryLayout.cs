namespace CivilAffairs.Platform.Tests;

/// <summary>Where the built apps are: found from this test assembly's folder, up to the folder of Platform.sln.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test was built in (Debug/Release); the apps were built in the same one.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The output folder of a project, e.g. <c>services/Marriage</c>.</summary>
    public static string OutputOf(string projectFolder) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}");
    }
}
