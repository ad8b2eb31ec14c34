using System.Collections.Concurrent;
using System.Diagnostics;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests;

/// <summary>
/// One built app (<c>dotnet CivilAffairs.X.dll</c>) running as its own process from its output folder, configured only
/// by environment variables, as it would be deployed. Killed with its children on dispose, and in any case when the
/// test process exits: it never outlives the test run.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private static readonly ConcurrentDictionary<AppProcess, bool> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    static AppProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var app in Running.Keys) app.Dispose();
    };

    public string Name { get; }
    public string HttpUrl { get; }

    /// <summary>Its management port (<c>/ops</c>, <c>/metrics</c>), which nothing else exposes.</summary>
    public string ManagementUrl { get; }

    /// <param name="projectFolder">e.g. <c>services/Marriage</c></param>
    /// <param name="assembly">e.g. <c>CivilAffairs.Marriage</c></param>
    /// <param name="httpUrl">its HTTP/1.1 listener, where it answers /health/ready</param>
    public AppProcess(string projectFolder, string assembly, string httpUrl, IReadOnlyDictionary<string, string> environment)
    {
        Name = assembly;
        HttpUrl = httpUrl;
        var folder = RepositoryLayout.OutputOf(projectFolder);
        var dll = Path.Combine(folder, assembly + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is not built; build Platform.sln first", dll);

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder, // the app's content root: its appsettings.json
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only what this test says: nothing inherited that would point the app elsewhere.
        foreach (var key in start.Environment.Keys.ToList())
            if (key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || key.Contains("__", StringComparison.Ordinal))
                start.Environment.Remove(key);
        // Every process holds the test run's credentials (as a deployment gives each its own key) and a management port.
        var port = new Uri(FreePort.Url()).Port;
        ManagementUrl = $"http://127.0.0.1:{port}";
        start.Environment["Management__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Management__Address"] = "127.0.0.1";
        foreach (var (key, value) in TestSupport.TestCallers.Settings(ServiceName(assembly)))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Start();
        Running[this] = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>CivilAffairs.StaffConduct is staff-conduct among the others.</summary>
    public static string ServiceName(string assembly) => string.Concat(assembly.Replace("CivilAffairs.", "", StringComparison.Ordinal)
        .Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The app's last lines of output, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Waits until the app answers <c>/health/ready</c>; fails with its output if it exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            try
            {
                using var response = await client.GetAsync($"{HttpUrl}/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    public void Dispose()
    {
        if (!Running.TryRemove(this, out _)) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { } // already gone
        _process.Dispose();
    }
}
