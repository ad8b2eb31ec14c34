using System.Globalization;

namespace CivilAffairs.Benchmarks;

/// <summary>The run's sizes, from the command line; defaults are the issue's busiest day.</summary>
public sealed record BenchmarkSettings(int Couples, int Places, int Clients, int Requests, int WarmUp, IReadOnlySet<int> Scenarios, IReadOnlyDictionary<string, string> AppEnvironment, bool Smoke, string Output)
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Benchmarks -- [--couples N] [--places S] [--clients C]
                                                                  [--requests M] [--warm-up W] [--only 1,3] [--app-env K=V] [--smoke] [--out results.json]
          --couples   couples trying to book the opening day (scenario 1; default 20000)
          --places    places of that day (default 2000)
          --clients   concurrent clients (default 256)
          --requests  bookings per side of each comparison, scenarios 3-5 (default couples/4, at most 5000)
          --warm-up   bookings each fresh pair of processes serves before it is measured (default 5000)
          --only      run only these scenarios (default all six; 6 is measured during 1)
          --app-env   an environment variable for the started apps (not this program), e.g. DOTNET_TieredPGO=0; repeatable
          --smoke     tiny numbers: a check that everything runs, in seconds
          --out       the JSON file (default artifacts/benchmarks/results-<UTC date and time>.json)
        """;

    public static BenchmarkSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        int? couples = null, places = null, clients = null, requests = null, warmUp = null;
        string? output = null;
        IReadOnlySet<int> scenarios = new HashSet<int> { 1, 2, 3, 4, 5, 6 };
        var appEnvironment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke": break;
                case "--couples": couples = Number(args, ++i); break;
                case "--places": places = Number(args, ++i); break;
                case "--clients": clients = Number(args, ++i); break;
                case "--requests": requests = Number(args, ++i); break;
                case "--warm-up": warmUp = Number(args, ++i); break;
                case "--app-env":
                    var pair = (i + 1 < args.Length ? args[++i] : "").Split('=', 2);
                    if (pair.Length != 2 || pair[0].Length == 0) throw new ArgumentException("--app-env takes NAME=VALUE");
                    appEnvironment[pair[0]] = pair[1];
                    break;
                case "--only":
                    scenarios = (i + 1 < args.Length ? args[++i] : "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(x => int.TryParse(x, out var number) && number is >= 1 and <= 6 ? number : throw new ArgumentException("--only takes scenario numbers 1-6"))
                        .ToHashSet();
                    break;
                case "--out": output = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--out needs a path"); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        var n = couples ?? (smoke ? 300 : 20_000);
        var s = places ?? (smoke ? 30 : 2_000);
        var c = clients ?? (smoke ? 16 : 256);
        var m = requests ?? (smoke ? 200 : Math.Min(n / 4, 5_000));
        var w = warmUp ?? (smoke ? 50 : 5_000);
        if (n < 1 || s < 1 || c < 1 || m < 100) throw new ArgumentException("couples, places and clients must be positive; requests at least 100");
        output ??= Path.Combine("artifacts", "benchmarks",
            $"results-{DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}{(smoke ? "-smoke" : "")}.json");
        return new BenchmarkSettings(n, s, c, m, w, scenarios, appEnvironment, smoke, output);
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[i - 1]} needs a whole number");
}
