using System.Text.RegularExpressions;

namespace CivilAffairs.Architecture.Tests;

/// <summary>What the sources themselves must show: one port per file, named for it, and storage written once.</summary>
public sealed partial class SourceLayout
{
    private static readonly string Root = FindRoot();

    /// <summary>Half of the 6,954 lines storage took when every port was written once per engine.</summary>
    public const int StorageLineBudget = 3_477;

    [Fact]
    public void Every_port_of_a_domain_has_a_file_of_its_own_named_for_it()
    {
        var crowded = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "services"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Domain{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var interfaces = InterfacePattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            if (interfaces.Count > 1 || (interfaces.Count == 1 && interfaces[0] != Path.GetFileNameWithoutExtension(file)))
                crowded.Add($"{Path.GetRelativePath(Root, file)}: {string.Join(", ", interfaces)}");
        }
        Assert.True(crowded.Count == 0, "ports not in a file of their own: " + string.Join("; ", crowded));
    }

    [Fact]
    public void Storage_is_written_once_and_holds_no_engine_folders()
    {
        var storageFiles = Directory.GetDirectories(Path.Combine(Root, "services"))
            .Select(s => Path.Combine(s, "Storage")).Where(Directory.Exists)
            .SelectMany(s => Directory.EnumerateFiles(s, "*.cs", SearchOption.AllDirectories)).ToList();
        var lines = storageFiles.Sum(f => File.ReadLines(f).Count());
        Assert.True(lines <= StorageLineBudget, $"services/*/Storage holds {lines} lines, more than the budget of {StorageLineBudget}");
        var engineFolders = storageFiles.Select(Path.GetDirectoryName).Distinct()
            .Where(d => Path.GetFileName(d) is "Mongo" or "Sqlite").ToList();
        Assert.True(engineFolders.Count == 0, "engine code in a service: " + string.Join(", ", engineFolders));
    }

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:partial\s+)?interface\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex InterfacePattern();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        throw new InvalidOperationException("Platform.sln not found");
    }
}
