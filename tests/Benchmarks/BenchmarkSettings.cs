using System.Globalization;

namespace CivilAffairs.Benchmarks;

/// <summary>The run's sizes, from the command line; defaults are the issue's busiest day.</summary>
public sealed record BenchmarkSettings(int Couples, int Places, int Clients, int Requests, int WarmUp, IReadOnlySet<int> Scenarios,
    IReadOnlyDictionary<string, string> AppEnvironment, bool Smoke, string Output, int Reads, int PollEveryMs, int PollSeconds, string? AppsFrom,
    string? CompareWith = null)
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Benchmarks -- [--couples N] [--places S] [--clients C]
                                                                  [--requests M] [--warm-up W] [--reads R] [--poll-every MS]
                                                                  [--poll-seconds S] [--only 1,3] [--app-env K=V] [--apps-from DIR]
                                                                  [--compare-with REF]
                                                                  [--smoke] [--out results.json]
          --couples   couples trying to book the opening day (scenario 1; default 20000)
          --places    places of that day (default 2000)
          --clients   concurrent clients (default 256)
          --requests  bookings per side of each comparison, scenarios 3-5 (default couples/4, at most 5000)
          --warm-up   bookings each fresh pair of processes serves before it is measured (default 5000)
          --reads     availability reads per side of scenario 3's read comparisons (default 4 x requests)
          --poll-every  each phone of scenario 2 refreshes at most once per this many ms while couples book (default 40)
          --poll-seconds  length of each quarter of scenario 2's phones-alone comparison (default 3)
          --only      run only these scenarios (default all six; 6 is measured during 1)
          --app-env   an environment variable for the started apps (not this program), e.g. DOTNET_TieredPGO=0; repeatable
          --apps-from a repository tree whose Release (or this build's configuration) output of services/Marriage and
                      gateway is started instead of this tree's, e.g. a worktree of an earlier commit built beside this one
          --compare-with  scenario 7: a git ref (e.g. f523353, the commit before the document store) checked out in a
                      worktree and built here, its marriage + gateway measured beside this tree's in alternated quarters
                      (opening minute, gateway REST and gRPC bookings), and this tree's again with synchronous=NORMAL
          --smoke     tiny numbers: a check that everything runs, in seconds
          --out       the JSON file (default artifacts/benchmarks/results-<UTC date and time>.json)
        """;

    public static BenchmarkSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        int? couples = null, places = null, clients = null, requests = null, warmUp = null, reads = null, pollEvery = null, pollSeconds = null;
        string? output = null, appsFrom = null, compareWith = null;
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
                case "--reads": reads = Number(args, ++i); break;
                case "--poll-every": pollEvery = Number(args, ++i); break;
                case "--poll-seconds": pollSeconds = Number(args, ++i); break;
                case "--apps-from":
                    appsFrom = i + 1 < args.Length ? Path.GetFullPath(args[++i]) : throw new ArgumentException("--apps-from needs a folder");
                    if (!File.Exists(Path.Combine(appsFrom, "Platform.sln"))) throw new ArgumentException($"--apps-from: no Platform.sln in {appsFrom}");
                    break;
                case "--compare-with":
                    compareWith = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--compare-with needs a git ref");
                    break;
                case "--app-env":
                    var pair = (i + 1 < args.Length ? args[++i] : "").Split('=', 2);
                    if (pair.Length != 2 || pair[0].Length == 0) throw new ArgumentException("--app-env takes NAME=VALUE");
                    appEnvironment[pair[0]] = pair[1];
                    break;
                case "--only":
                    scenarios = (i + 1 < args.Length ? args[++i] : "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(x => int.TryParse(x, out var number) && number is >= 1 and <= 7 ? number : throw new ArgumentException("--only takes scenario numbers 1-7"))
                        .ToHashSet();
                    break;
                case "--out": output = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--out needs a path"); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (compareWith is not null) scenarios = new HashSet<int>(scenarios) { 7 };
        else if (scenarios.Contains(7)) throw new ArgumentException("scenario 7 needs --compare-with REF");
        var n = couples ?? (smoke ? 300 : 20_000);
        var s = places ?? (smoke ? 30 : 2_000);
        var c = clients ?? (smoke ? 16 : 256);
        var m = requests ?? (smoke ? 200 : Math.Min(n / 4, 5_000));
        var w = warmUp ?? (smoke ? 50 : 5_000);
        if (n < 1 || s < 1 || c < 1 || m < 100) throw new ArgumentException("couples, places and clients must be positive; requests at least 100");
        output ??= Path.Combine("artifacts", "benchmarks",
            $"results-{DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}{(smoke ? "-smoke" : "")}.json");
        var r = reads ?? (smoke ? 400 : 4 * m);
        if (r < 100) throw new ArgumentException("reads must be at least 100");
        return new BenchmarkSettings(n, s, c, m, w, scenarios, appEnvironment, smoke, output, r, pollEvery ?? 40,
            Math.Max(1, pollSeconds ?? (smoke ? 1 : 3)), appsFrom, compareWith);
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[i - 1]} needs a whole number");
}
