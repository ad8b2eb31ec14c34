using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CivilAffairs.Benchmarks;

/// <summary>An outcome the run must prove (no overbooking, no 5xx, one booking per key, ...).</summary>
public sealed record Check(string Scenario, string What, bool Passed, string Detail);

/// <summary>One of the issue's targets, as measured in this run.</summary>
public sealed record Target(string Name, string Measured, string Goal, bool Met);

public sealed record MemoryReading(string Scenario, string Pair, ProcessMemory Memory);

/// <summary>CPU a process used per call during one measured run: the basis of the README's sizing.</summary>
public sealed record CpuReading(string Scenario, string Variant, string Process, double CpuSeconds, int Calls, double WallSeconds)
{
    public double MicrosecondsPerCall => CpuSeconds * 1e6 / Calls;
    public double Cores => CpuSeconds / WallSeconds;
}

/// <summary>Everything the run measured and proved; printed as Markdown and written as JSON.</summary>
public sealed class Report(BenchmarkSettings settings)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public BenchmarkSettings Settings => settings;
    public string Machine { get; } = DescribeMachine();
    public List<RunResult> Runs { get; } = [];
    public List<Check> Checks { get; } = [];
    public List<Target> Targets { get; } = [];
    public List<MemoryReading> Memory { get; } = [];
    public List<CpuReading> Cpu { get; } = [];

    /// <summary>Runs <paramref name="run"/> and records the CPU each of <paramref name="processes"/> used per call.</summary>
    public async Task<Measured> WithCpuAsync(string scenario, string variant, IReadOnlyList<(string Name, int Pid)> processes, Func<Task<Measured>> run)
    {
        var before = processes.Select(p => ProcessCpu.Seconds(p.Pid)).ToArray();
        var measured = await run();
        for (var i = 0; i < processes.Count; i++)
        {
            var reading = new CpuReading(scenario, variant, processes[i].Name, ProcessCpu.Seconds(processes[i].Pid) - before[i],
                measured.Answers.Length, measured.Seconds);
            Cpu.Add(reading);
            Console.WriteLine($"  cpu {reading.Process} during {variant}: {reading.MicrosecondsPerCall:0} µs per call ({reading.Cores:0.00} cores)");
        }
        return measured;
    }
    public List<string> Notes { get; } = [];

    public bool AllChecksPassed => Checks.All(c => c.Passed);

    public RunResult Add(RunResult run)
    {
        Runs.Add(run);
        Console.WriteLine($"  {run.Scenario} / {run.Variant}: {run.Requests} in {run.Seconds:0.00}s = {run.Throughput:0} req/s, " +
                          $"p50 {run.P50Ms:0.0} p95 {run.P95Ms:0.0} p99 {run.P99Ms:0.0} ms; " +
                          string.Join(", ", run.Outcomes.Select(o => $"{o.Key} {o.Value}")));
        return run;
    }

    public void Require(string scenario, string what, bool passed, string detail)
    {
        Checks.Add(new Check(scenario, what, passed, detail));
        Console.WriteLine($"  [{(passed ? "ok" : "FAILED")}] {what}: {detail}");
    }

    public void Ratio(string name, double value, double minimum, string detail)
    {
        Targets.Add(new Target(name, $"{value:0.00}x ({detail})", $">= {minimum:0.00}x", value >= minimum));
        Console.WriteLine($"  target {name}: {value:0.00}x (goal >= {minimum:0.00}x) {(value >= minimum ? "met" : "MISSED")}");
    }

    public void Remember(string scenario, string pair, ProcessMemory memory, double limitMb)
    {
        Memory.Add(new MemoryReading(scenario, pair, memory));
        Targets.Add(new Target($"{memory.Process} peak RSS during {scenario}", $"{memory.PeakMb:0} MB", $"< {limitMb:0} MB", memory.PeakMb < limitMb));
        Console.WriteLine($"  {memory.Process} ({pair}): peak {memory.PeakMb:0} MB, now {memory.CurrentMb:0} MB");
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {StartedAt:yyyy-MM-dd HH:mm} UTC on {Machine}; couples {settings.Couples}, places {settings.Places}, " +
                      $"clients {settings.Clients}, requests per comparison side {settings.Requests}{(settings.Smoke ? " (smoke)" : "")}.");
        md.AppendLine();
        md.AppendLine("| scenario | variant | requests | clients | req/s | p50 ms | p95 ms | p99 ms | ok (booked, replayed, read) | full | other 4xx | 5xx | failed |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Runs)
        {
            var booked = r.Count(Outcome.Booked) + r.Count(Outcome.Answered);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Variant} | {r.Requests} | {r.Clients} | {r.Throughput:0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | " +
                $"{booked} | {r.Count(Outcome.Full)} | {r.Count(Outcome.Refused)} | {r.Count(Outcome.ServerError)} | {r.Count(Outcome.Failed)} |");
        }
        md.AppendLine();
        md.AppendLine("| target | measured | goal | met |");
        md.AppendLine("|---|---|---|---|");
        foreach (var t in Targets) md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Name} | {t.Measured} | {t.Goal} | {(t.Met ? "yes" : "**no**")} |");
        md.AppendLine();
        var failed = Checks.Where(c => !c.Passed).ToList();
        md.AppendLine(failed.Count == 0
            ? $"Outcome checks: all {Checks.Count} passed (exact capacity, every other answer \"full\", no 5xx, one booking per idempotency key, every acknowledged booking found)."
            : $"Outcome checks: {failed.Count} of {Checks.Count} FAILED: " + string.Join("; ", failed.Select(c => $"{c.Scenario}: {c.What} ({c.Detail})")));
        foreach (var note in Notes) md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        if (Cpu.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| CPU per call | variant | process | µs per call | cores busy |");
            md.AppendLine("|---|---|---|---:|---:|");
            foreach (var c in Cpu)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Scenario} | {c.Variant} | {c.Process} | {c.MicrosecondsPerCall:0} | {c.Cores:0.00} |");
        }
        return md.ToString();
    }

    public string Write()
    {
        var path = Path.IsPathRooted(settings.Output) ? settings.Output : Path.Combine(Platform.Tests.RepositoryLayout.Root, settings.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            startedAt = StartedAt, machine = Machine, settings, runs = Runs, targets = Targets, checks = Checks, memory = Memory, cpu = Cpu, notes = Notes,
        }, Json));
        return path;
    }

    private static string DescribeMachine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))
            : null;
        var gb = memory is null ? "" : $", {long.Parse(memory.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GB RAM";
        return $"{Environment.ProcessorCount} cores ({model ?? "unknown CPU"}){gb}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, " +
               $".NET {Environment.Version}";
    }
}
