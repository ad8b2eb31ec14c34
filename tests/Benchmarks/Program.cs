using CivilAffairs.Benchmarks;
using CivilAffairs.Platform.Tests;

// The busiest day, measured: marriage + gateway as real processes on loopback, the issue's six scenarios, a Markdown
// table on the console and a JSON file. Exit code 1 when an outcome check fails (overbooking, 5xx, lost bookings).
BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

var report = new Report(settings);
var data = Directory.CreateTempSubdirectory("civilaffairs-bench-");
try
{
    var apps = settings.AppsFrom ?? RepositoryLayout.Root;
    Console.WriteLine($"apps from {Path.Combine(apps, "services/Marriage", "bin", RepositoryLayout.Configuration)} and " +
                      $"{Path.Combine(apps, "gateway", "bin", RepositoryLayout.Configuration)}; data in {data.FullName}");
    await new Scenarios(settings, report, data.FullName).RunAsync();
}
finally
{
    data.Delete(recursive: true);
}

Console.WriteLine();
Console.WriteLine(report.Markdown());
Console.WriteLine($"results written to {report.Write()}");
return report.AllChecksPassed ? 0 : 1;
