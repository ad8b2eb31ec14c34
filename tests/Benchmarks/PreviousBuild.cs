using System.Diagnostics;
using CivilAffairs.Platform.Tests;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// An earlier commit of this repository, checked out in a worktree of its own and built here (marriage and gateway in
/// this run's configuration), so its processes run beside this tree's in the same run. Removed afterwards.
/// </summary>
public sealed class PreviousBuild : IDisposable
{
    public string Root { get; }
    public string Commit { get; }

    private PreviousBuild(string root, string commit) => (Root, Commit) = (root, commit);

    public static async Task<PreviousBuild> PrepareAsync(string gitRef)
    {
        var commit = (await RunAsync("git", RepositoryLayout.Root, "rev-parse", "--short", gitRef + "^{commit}")).Trim();
        var root = Path.Combine(Path.GetTempPath(), $"civilaffairs-previous-{commit}");
        if (Directory.Exists(root)) await RunAsync("git", RepositoryLayout.Root, "worktree", "remove", "--force", root);
        await RunAsync("git", RepositoryLayout.Root, "worktree", "add", "--detach", root, commit);
        Console.WriteLine($"building {commit} in {root} ({RepositoryLayout.Configuration}) ...");
        foreach (var project in new[] { "services/Marriage/Marriage.csproj", "gateway/Gateway.csproj" })
            await RunAsync("dotnet", root, "build", project, "-c", RepositoryLayout.Configuration, "-nologo", "-v", "q");
        return new PreviousBuild(root, commit);
    }

    private static async Task<string> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        return await output;
    }

    public void Dispose()
    {
        try
        {
            RunAsync("git", RepositoryLayout.Root, "worktree", "remove", "--force", Root).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException error)
        {
            Console.Error.WriteLine($"the worktree {Root} was not removed: {error.Message}");
        }
    }
}
