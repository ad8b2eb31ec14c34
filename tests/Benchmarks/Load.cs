using System.Diagnostics;

namespace CivilAffairs.Benchmarks;

/// <summary>Figures of one measured run: how many, how fast, and what came back.</summary>
public sealed record RunResult(
    string Scenario, string Variant, int Requests, int Clients, double Seconds, double Throughput,
    double P50Ms, double P95Ms, double P99Ms, IReadOnlyDictionary<string, int> Outcomes)
{
    public int Count(Outcome outcome) => Outcomes.GetValueOrDefault(outcome.ToString());
}

/// <summary>
/// Load from this process: a fixed number of workers (the concurrent clients), each taking the next request as soon
/// as its previous one is answered, until a bounded list is done (or, for pollers, until told to stop).
/// </summary>
public static class Load
{
    public static async Task<Measured> RunAsync<T>(IReadOnlyList<T> requests, int clients, Func<T, Task<Answer>> call)
    {
        var answers = new Answer[requests.Count];
        var latencies = new double[requests.Count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, requests.Count)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                answers[i] = await Safely(() => call(requests[i]));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        clock.Stop();
        return new Measured(clock.Elapsed.TotalSeconds, latencies, answers);
    }

    private static async Task<Answer> Safely(Func<Task<Answer>> call)
    {
        try { return await call(); }
        catch (Exception e) { return new Answer(Outcome.Failed, 0, Detail: e.GetType().Name + ": " + e.Message); }
    }

    public static RunResult Summarize(string scenario, string variant, int clients, params Measured[] parts)
    {
        var seconds = parts.Sum(p => p.Seconds);
        var latencies = parts.SelectMany(p => p.Latencies).ToArray();
        var answers = parts.SelectMany(p => p.Answers).ToArray();
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var outcomes = answers.GroupBy(a => a.Outcome).ToDictionary(g => g.Key.ToString(), g => g.Count());
        return new RunResult(scenario, variant, answers.Length, clients, Math.Round(seconds, 3),
            Math.Round(answers.Length / seconds, 1), Math.Round(Percentile(0.50), 2), Math.Round(Percentile(0.95), 2),
            Math.Round(Percentile(0.99), 2), outcomes);
    }
}

/// <summary>One measured stretch of load: its wall time, each request's latency (ms) and answer.</summary>
public sealed record Measured(double Seconds, double[] Latencies, Answer[] Answers);
