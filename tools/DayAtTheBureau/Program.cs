using CivilAffairs.DayAtTheBureau;
using CivilAffairs.SharedKernel;

// A day at the bureau: demo traffic for all ten windows through the gateway's REST door, then a summary. Bounded
// (Counter.MaxRequests) and loopback only. Start the platform first: dotnet run --project infra/AppHost
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var gateway = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(30) };
gateway.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
var random = new Random(options.Seed);
var residents = new Residents(random);
var tally = new Tally();
var counter = new Counter(gateway, options, tally, Console.Out);
var windows = Enum.GetValues<Window>().Where(w => w.IsDefined()).ToList();

Console.WriteLine($"A day at the bureau, through {options.Gateway}");
try
{
    var serving = await new StaffRoom(counter, residents, random).PlayAsync(windows);
    await new MarriageHall(counter, residents, random).PlayAsync();
    await new AssistanceDesk(counter, residents, random).PlayAsync();
    await new FeedbackBox(counter, residents, random).PlayAsync(windows, serving);
    // Partners' mistakes the gateway answers itself.
    await counter.GetAsync(Window.Unspecified, "a path no route serves", "/api/passports/v1/applications");
    await counter.SendAsync(Window.Unspecified, "an unknown window type", HttpMethod.Get,
        "/api/feedback/v1/statistics", windowHeader: "PASSPORTS");
}
catch (DayIsOver)
{
    Console.WriteLine($"The day's budget of {Counter.MaxRequests} requests is spent.");
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"The gateway at {options.Gateway} did not answer ({e.Message}). Is the platform running? "
        + "dotnet run --project infra/AppHost");
    return 1;
}

tally.Print(Console.Out);
Console.WriteLine("The bureau closes. Open the dashboard: traces, metrics and logs by window (civilaffairs.window).");
return 0;
