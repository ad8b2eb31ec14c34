using System.Text.Json;

namespace CivilAffairs.Benchmarks;

/// <summary>The six scenarios, in the order that keeps scenario 1's memory peak its own.</summary>
public sealed class Scenarios(BenchmarkSettings settings, Report report, string dataFolder)
{
    private const double MemoryLimitMb = 250;
    private int _offices;

    private int Clients => settings.Clients;
    private int Requests => settings.Requests;
    private int WarmUp => settings.WarmUp;

    /// <summary>The office's local date some days ahead (booking opens 30 days before, at 08:00 office time).</summary>
    private static DateOnly DaysAhead(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days);

    public async Task RunAsync()
    {
        if (new[] { 1, 2, 3, 5, 6 }.Any(Runs)) await OnMainPairAsync();
        if (Runs(4)) await TracingAsync();
        if (Runs(7)) await PreviousCommitAsync();
    }

    /// <summary>Every scenario but 4, one after the other on one pair of processes (tracing off).</summary>
    private async Task OnMainPairAsync()
    {
        Console.WriteLine("starting marriage and gateway (tracing off) ...");
        using (var pair = await ServicePair.StartAsync("main", dataFolder, settings.AppEnvironment, appsRoot: settings.AppsFrom))
        using (var service = Channels.Http(pair.MarriageHttp, 64, partner: false, service: true))
        using (var gatewayRest = Channels.Rest("gateway REST", pair.GatewayHttp, Clients, partner: true))
        {
            try
            {
                await WarmUpAsync(service, gatewayRest);
                if (Runs(1) || Runs(6)) await OpeningMinuteAsync(pair, service, gatewayRest);
                if (Runs(2)) await PollingAsync(pair, service, gatewayRest);
                if (Runs(3)) await GatewayOverheadAsync(pair, service, gatewayRest);
                if (Runs(5)) await HotSlotAsync(service, gatewayRest);
            }
            catch
            {
                Console.Error.WriteLine(pair.Output);
                throw;
            }
        }
    }

    private bool Runs(int scenario) => settings.Scenarios.Contains(scenario);

    /// <summary>1 (and 6): N couples on a day of S places through the gateway over REST, with retries.</summary>
    private async Task OpeningMinuteAsync(ServicePair pair, HttpClient service, IBookingChannel gateway)
    {
        const string scenario = "1 opening minute";
        Console.WriteLine($"{scenario}: {settings.Couples} couples, {settings.Places} places, {Clients} clients");
        var office = NewOffice(service, "opening");
        var date = DaysAhead(5);
        var slots = await office.OpenDayAsync(date, Math.Min(20, settings.Places), settings.Places);

        // Every 20th couple retries with the same key: half at once (a double tap), half after the rush (a lost answer).
        var requests = new List<BookingRequest>();
        var late = new List<BookingRequest>();
        for (var i = 0; i < settings.Couples; i++)
        {
            var request = new BookingRequest(office.Id, slots[i % slots.Count], Couple.Next(), $"{office.Id}-{i}");
            requests.Add(request);
            if (i % 20 == 0) (i / 20 % 2 == 0 ? requests : late).Add(request);
        }
        requests.AddRange(late);

        var measured = await report.WithCpuAsync(scenario, "gateway REST", [("gateway", pair.GatewayPid), ("marriage", pair.MarriagePid)],
            () => Load.RunAsync(requests, Clients, gateway.BookAsync));
        report.Add(Load.Summarize(scenario, "gateway REST", Clients, measured));
        await ProveBookingsAsync(scenario, office, date, date, requests, measured.Answers, Math.Min(settings.Couples, settings.Places));
        await ProveAcknowledgedAsync(scenario, service, measured.Answers);

        var (marriage, gatewayMemory) = pair.Memory();
        report.Remember("scenario 1", pair.Name, marriage, MemoryLimitMb);
        report.Remember("scenario 1", pair.Name, gatewayMemory, MemoryLimitMb);
    }

    /// <summary>
    /// 2: anonymous phones polling availability through the gateway while couples book. Three sides on one marriage
    /// process, alternated in quarters: the bookings alone; the bookings while the phones poll through the gateway as it
    /// is (public reads cached for one second); the same through a second gateway without that cache (as before). Then
    /// what the phones alone get out of each gateway, polling without pause, and what they cost at their pace.
    /// </summary>
    private async Task PollingAsync(ServicePair pair, HttpClient service, IBookingChannel gateway)
    {
        const string scenario = "2 availability polling";
        var bookers = Math.Max(1, Clients / 2);
        var pollers = Math.Max(1, Clients / 2);
        var couples = Math.Max(Requests, settings.Couples / 4);
        var every = TimeSpan.FromMilliseconds(settings.PollEveryMs);
        Console.WriteLine($"{scenario}: {couples} couples with {bookers} clients, alone and while {pollers} phones refresh " +
                          $"every {settings.PollEveryMs} ms, through the gateway with and without its cache");
        var date = DaysAhead(5);
        var uncached = await pair.StartGatewayAsync(new Dictionary<string, string> { [UncachedRoute] = "" });
        using var uncachedBooking = Channels.Rest("gateway REST, no cache", uncached.Http, Clients, partner: true);
        using var cachedPhones = Reads.Phones("phones, cached", pair.GatewayHttp);
        using var uncachedPhones = Reads.Phones("phones, no cache", uncached.Http);

        var sides = new (string Variant, IBookingChannel Booking, PhoneCrowd? Phones)[]
        {
            ("booking alone (gateway REST)", gateway, null),
            ("booking while polled, cached (gateway REST)", gateway, cachedPhones),
            ("booking while polled, no cache (gateway REST, as before)", uncachedBooking, uncachedPhones),
        };
        // Fresh days for each round, one per side; a round is four alternated quarters of well under a second each, so
        // the ratio of one round moved by 0.15 between runs, and of three rounds still by 0.13 (0.83-0.96): five rounds,
        // the same mix of bookings and refusals in each.
        var rounds = settings.Smoke ? 1 : 5;
        var days = new List<(Office Office, List<BookingRequest> Requests)>[rounds];
        for (var round = 0; round < rounds; round++)
        {
            days[round] = [];
            foreach (var side in sides) days[round].Add(await OpenDayForAsync(service, $"polling-{round}", date, couples));
        }
        // Both gateways' paths once before anything is measured.
        var warm = await OpenDayForAsync(service, "polling-warm-up", date, Math.Min(couples, 1000));
        await Load.RunAsync(warm.Requests, bookers, uncachedBooking.BookAsync);
        foreach (var phones in new[] { cachedPhones, uncachedPhones })
            await phones.RunAsync(pollers, warm.Office.Id, date, Task.Delay(TimeSpan.FromSeconds(1)), TimeSpan.Zero);

        var booked = sides.Select(_ => new List<Measured>()).ToArray();
        var polled = sides.Select(_ => new List<Measured>()).ToArray();
        for (var round = 0; round < rounds; round++)
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var range = (couples * quarter / 4)..(couples * (quarter + 1) / 4);
            var order = Enumerable.Range(0, sides.Length).ToArray();
            if (quarter % 2 == 1) Array.Reverse(order);
            foreach (var i in order)
            {
                var (_, booking, phones) = sides[i];
                var day = days[round][i];
                var run = Load.RunAsync(day.Requests[range], bookers, booking.BookAsync);
                if (phones is not null)
                    polled[i].Add(await phones.RunAsync(pollers, day.Office.Id, date, run, every));
                booked[i].Add(await run);
            }
        }

        var results = new RunResult[sides.Length];
        for (var i = 0; i < sides.Length; i++)
        {
            results[i] = report.Add(Load.Summarize(scenario, sides[i].Variant, bookers, [.. booked[i]]));
            if (sides[i].Phones is { } phones)
                report.Add(Load.Summarize(scenario, $"{phones.Name}, refreshing every {settings.PollEveryMs} ms during those bookings", pollers, [.. polled[i]]));
        }
        // A side's measured parts are its rounds' quarters in order: four per round, each its day's requests in order.
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < sides.Length; i++)
                await ProveBookingsAsync(scenario, days[round][i].Office, date, date, days[round][i].Requests,
                    [.. booked[i].Skip(4 * round).Take(4).SelectMany(m => m.Answers)], Math.Min(couples, settings.Places));
        var cachedPolls = Load.Summarize(scenario, "", pollers, [.. polled[1]]);
        var uncachedPolls = Load.Summarize(scenario, "", pollers, [.. polled[2]]);

        // What each gateway serves the phones alone, polling without pause, in quarters of a few seconds.
        var pollDay = days[0][1];
        var capacity = new[] { new List<Measured>(), new List<Measured>() };
        var channels = new[] { cachedPhones, uncachedPhones };
        for (var quarter = 0; quarter < 4; quarter++)
            foreach (var i in quarter % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                var run = () => channels[i].RunAsync(pollers, pollDay.Office.Id, date,
                    Task.Delay(TimeSpan.FromSeconds(settings.PollSeconds)), TimeSpan.Zero);
                // The CPU per poll, for sizing (and the phones' own, which shares these cores): the last quarters.
                capacity[i].Add(quarter < 2 ? await run()
                    : await report.WithCpuAsync(scenario, i == 0 ? "phones alone, cached" : "phones alone, no cache",
                        [("gateway", i == 0 ? pair.GatewayPid : uncached.Pid), ("marriage", pair.MarriagePid),
                            ("load generator (the phones)", Environment.ProcessId)], run));
            }
        // What the phones cost at their pace, with nothing else running: the share of the host the bookings beside
        // them give up (the phones' own included: they share these cores).
        await report.WithCpuAsync(scenario, $"phones alone, cached, refreshing every {settings.PollEveryMs} ms",
            [("gateway", pair.GatewayPid), ("load generator (the phones)", Environment.ProcessId)],
            () => cachedPhones.RunAsync(pollers, pollDay.Office.Id, date, Task.Delay(TimeSpan.FromSeconds(settings.PollSeconds)), every));
        var cachedAlone = report.Add(Load.Summarize(scenario, "phones alone without pause, cached", pollers, [.. capacity[0]]));
        var uncachedAlone = report.Add(Load.Summarize(scenario, "phones alone without pause, no cache (as before)", pollers, [.. capacity[1]]));

        var allPolls = new[] { cachedPolls, uncachedPolls, cachedAlone, uncachedAlone };
        var answered = allPolls.Sum(p => p.Count(Outcome.Answered));
        var total = allPolls.Sum(p => p.Requests);
        var overbooked = cachedPhones.Overbooked + uncachedPhones.Overbooked;
        report.Require(scenario, "every poll answered, never more booked than capacity", answered == total && overbooked == 0,
            $"{answered} of {total} polls answered, {overbooked} slots seen overbooked");

        report.Ratio("bookings while polled (cached) / bookings alone", results[1].Throughput / results[0].Throughput, 0.85,
            $"{results[1].Throughput:0} vs {results[0].Throughput:0} req/s; as before, without the cache: " +
            $"{results[2].Throughput / results[0].Throughput:0.00}x");
        report.Ratio("polls served, cached / as before (phones without pause)", cachedAlone.Throughput / uncachedAlone.Throughput, 3.0,
            $"{cachedAlone.Throughput:0} vs {uncachedAlone.Throughput:0} polls/s; during the bookings p50 {cachedPolls.P50Ms:0.0} vs " +
            $"{uncachedPolls.P50Ms:0.0} ms, p99 {cachedPolls.P99Ms:0.0} vs {uncachedPolls.P99Ms:0.0} ms");
    }

    /// <summary>The gateway's public availability route without its output-cache policy: the gateway as it was.</summary>
    private const string UncachedRoute = "ReverseProxy__Routes__marriage-public-availability__OutputCachePolicy";

    /// <summary>A day of the run's places on a new office, and one booking request per couple spread over its slots.</summary>
    private async Task<(Office Office, List<BookingRequest> Requests)> OpenDayForAsync(HttpClient service, string purpose, DateOnly date, int couples)
    {
        var office = NewOffice(service, purpose);
        var slots = await office.OpenDayAsync(date, Math.Min(20, settings.Places), settings.Places);
        return (office, Enumerable.Range(0, couples)
            .Select(i => new BookingRequest(office.Id, slots[i % slots.Count], Couple.Next(), $"{office.Id}-{i}")).ToList());
    }

    /// <summary>
    /// 3: the same calls direct to marriage, through nginx (plain proxying), through YARP alone (tests/PlainProxy: the
    /// proxy the gateway is built on, with none of its steps) and through the gateway (partner key, scopes, limits,
    /// audit, tracing), REST and gRPC, bookings and reads of availability with the partner key (not cached: the cache
    /// serves anonymous phones only); same concurrency, alternated in quarters.
    /// </summary>
    private async Task GatewayOverheadAsync(ServicePair pair, HttpClient service, IBookingChannel gatewayRest)
    {
        const string scenario = "3 gateway beside nginx";
        var nginx = await pair.StartNginxAsync();
        var plain = await pair.StartPlainProxyAsync();
        Console.WriteLine($"{scenario}: {nginx.Version}; {Requests} bookings and {settings.Reads} reads per variant, {Clients} clients");
        using var directRest = Channels.Rest("direct REST", pair.MarriageHttp, Clients, partner: false, service: true);
        using var nginxRest = Channels.Rest("nginx REST", nginx.HttpUrl, Clients, partner: true, service: true);
        using var directGrpc = Channels.Grpc("direct gRPC", pair.MarriageGrpc, partner: false, service: true);
        using var nginxGrpc = Channels.Grpc("nginx gRPC", nginx.GrpcUrl, partner: true, service: true);
        using var plainRest = Channels.Rest("YARP alone REST", plain.Http, Clients, partner: true, service: true);
        using var plainGrpc = Channels.Grpc("YARP alone gRPC", plain.Grpc, partner: true, service: true);
        using var gatewayGrpc = Channels.Grpc("gateway gRPC", pair.GatewayGrpc, partner: true);
        var date = DaysAhead(6);

        var rest = await CompareAsync(scenario, [
            (directRest, await OfficeWithRoomAsync(service, "direct-rest", date)),
            (nginxRest, await OfficeWithRoomAsync(service, "nginx-rest", date)),
            (gatewayRest, await OfficeWithRoomAsync(service, "gateway-rest", date)),
            (plainRest, await OfficeWithRoomAsync(service, "plain-rest", date))]);
        var grpc = await CompareAsync(scenario, [
            (directGrpc, await OfficeWithRoomAsync(service, "direct-grpc", date)),
            (nginxGrpc, await OfficeWithRoomAsync(service, "nginx-grpc", date)),
            (gatewayGrpc, await OfficeWithRoomAsync(service, "gateway-grpc", date)),
            (plainGrpc, await OfficeWithRoomAsync(service, "plain-grpc", date))]);

        // Reads of a day of 20 slots, every place booked (the direct REST bookings' office).
        var read = rest[0].Office;
        using var readDirectRest = Reads.Rest("direct REST reads", pair.MarriageHttp, Clients, partner: false, service: true);
        using var readNginxRest = Reads.Rest("nginx REST reads", nginx.HttpUrl, Clients, partner: true, service: true);
        using var readGatewayRest = Reads.Rest("gateway REST reads (partner key)", pair.GatewayHttp, Clients, partner: true);
        using var readDirectGrpc = Reads.Grpc("direct gRPC reads", pair.MarriageGrpc, partner: false, service: true);
        using var readNginxGrpc = Reads.Grpc("nginx gRPC reads", nginx.GrpcUrl, partner: true, service: true);
        using var readGatewayGrpc = Reads.Grpc("gateway gRPC reads (partner key)", pair.GatewayGrpc, partner: true);
        using var readPlainRest = Reads.Rest("YARP alone REST reads", plain.Http, Clients, partner: true, service: true);
        using var readPlainGrpc = Reads.Grpc("YARP alone gRPC reads", plain.Grpc, partner: true, service: true);
        var restReads = await CompareReadsAsync(scenario, read.Id, date, [readDirectRest, readNginxRest, readGatewayRest, readPlainRest]);
        var grpcReads = await CompareReadsAsync(scenario, read.Id, date, [readDirectGrpc, readNginxGrpc, readGatewayGrpc, readPlainGrpc]);

        report.Ratio("gateway REST / direct REST booking throughput", rest[2].Result.Throughput / rest[0].Result.Throughput, 0.6,
            $"{rest[2].Result.Throughput:0} vs {rest[0].Result.Throughput:0} req/s");
        report.Ratio("gateway gRPC / direct gRPC booking throughput", grpc[2].Result.Throughput / grpc[0].Result.Throughput, 0.6,
            $"{grpc[2].Result.Throughput:0} vs {grpc[0].Result.Throughput:0} req/s");
        Peer("bookings, REST", rest[2].Result, rest[1].Result, rest[3].Result);
        Peer("bookings, gRPC", grpc[2].Result, grpc[1].Result, grpc[3].Result);
        Peer("reads, REST", restReads[2], restReads[1], restReads[3]);
        Peer("reads, gRPC", grpcReads[2], grpcReads[1], grpcReads[3]);
        if (new[] { readDirectRest, readNginxRest, readGatewayRest, readPlainRest, readDirectGrpc, readNginxGrpc, readGatewayGrpc, readPlainGrpc }
                .Sum(r => r.Overbooked) > 0)
            report.Require(scenario, "no read shows a slot over capacity", false, "a read showed more booked than capacity");
        var errorLog = nginx.ErrorLog.Trim();
        if (errorLog.Length > 0) Console.WriteLine($"  nginx error log: {errorLog[..Math.Min(errorLog.Length, 500)]}");
    }

    /// <summary>The gateway beside nginx, and YARP alone beside both: what the proxy itself reaches, what the gateway's steps cost.</summary>
    private void Peer(string what, RunResult gateway, RunResult nginx, RunResult plain) =>
        report.Ratio($"gateway / nginx throughput, {what}", gateway.Throughput / nginx.Throughput, 0.9,
            $"{gateway.Throughput:0} vs {nginx.Throughput:0} req/s; p99 {gateway.P99Ms:0.0} vs {nginx.P99Ms:0.0} ms " +
            $"({gateway.P99Ms / nginx.P99Ms:0.00}x); YARP alone {plain.Throughput:0} req/s, {plain.Throughput / nginx.Throughput:0.00}x " +
            $"of nginx, the gateway {gateway.Throughput / plain.Throughput:0.00}x of it");

    /// <summary>Reads of one office's day through each channel: a warm-up, then quarters alternated as the bookings'.</summary>
    private async Task<RunResult[]> CompareReadsAsync(string scenario, string officeId, DateOnly date, IReadChannel[] channels)
    {
        var reads = Enumerable.Range(0, settings.Reads).ToArray();
        var results = await AlternateAsync(channels.Select(c => (c.Name, Math.Min(settings.Reads, WarmUp), reads,
            (Func<int, Task<Answer>>)(_ => c.ReadAsync(officeId, date)))).ToArray());
        var runs = new RunResult[channels.Length];
        for (var i = 0; i < channels.Length; i++)
        {
            runs[i] = report.Add(Load.Summarize(scenario, channels[i].Name, Clients, [.. results[i]]));
            var answered = runs[i].Count(Outcome.Answered);
            report.Require(scenario, $"{channels[i].Name}: every read answered", answered == runs[i].Requests,
                $"{answered} of {runs[i].Requests} reads answered");
        }
        return runs;
    }

    /// <summary>5: every request on one slot against the same load over 100 slots; same places, same refusals.</summary>
    private async Task HotSlotAsync(HttpClient service, IBookingChannel gateway)
    {
        const string scenario = "5 hot slot";
        var perSlot = Math.Max(1, Requests / 200);
        Console.WriteLine($"{scenario}: {Requests} bookings on 1 slot of {perSlot * 100} vs 100 slots of {perSlot}");
        var date = DaysAhead(7);

        var hot = NewOffice(service, "hot");
        var hotSlot = (await hot.OpenDayAsync(date, 1, perSlot * 100))[0];
        var spread = NewOffice(service, "spread");
        var spreadSlots = (await spread.OpenDayAsync(date, 50, perSlot * 50)).Concat(await spread.OpenDayAsync(date.AddDays(1), 50, perSlot * 50)).ToList();

        var hotRequests = Enumerable.Range(0, Requests).Select(i => new BookingRequest(hot.Id, hotSlot, Couple.Next(), $"{hot.Id}-{i}")).ToList();
        var spreadRequests = Enumerable.Range(0, Requests)
            .Select(i => new BookingRequest(spread.Id, spreadSlots[i % spreadSlots.Count], Couple.Next(), $"{spread.Id}-{i}")).ToList();
        var hotMeasured = await Load.RunAsync(hotRequests, Clients, gateway.BookAsync);
        var spreadMeasured = await Load.RunAsync(spreadRequests, Clients, gateway.BookAsync);
        var hotResult = report.Add(Load.Summarize(scenario, "one slot (gateway REST)", Clients, hotMeasured));
        var spreadResult = report.Add(Load.Summarize(scenario, "100 slots (gateway REST)", Clients, spreadMeasured));
        await ProveBookingsAsync(scenario, hot, date, date, hotRequests, hotMeasured.Answers, Math.Min(Requests, perSlot * 100));
        await ProveBookingsAsync(scenario, spread, date, date.AddDays(1), spreadRequests, spreadMeasured.Answers, Math.Min(Requests, perSlot * 100));
        report.Ratio("hot slot / spread throughput", hotResult.Throughput / spreadResult.Throughput, 0.3,
            $"{hotResult.Throughput:0} vs {spreadResult.Throughput:0} req/s");
    }

    /// <summary>
    /// 7: this tree beside an earlier commit (<c>--compare-with</c>), each its own marriage + gateway, in the same run:
    /// the opening minute (couples for fewer places) and gateway bookings over REST and gRPC, alternated; and this tree
    /// once more with <c>synchronous=NORMAL</c>, to show what an fsync per commit (FULL, the default) costs.
    /// </summary>
    private async Task PreviousCommitAsync()
    {
        const string scenario = "7 previous commit";
        using var previous = await PreviousBuild.PrepareAsync(settings.CompareWith!);
        Console.WriteLine($"{scenario}: this tree (FULL, NORMAL) beside {previous.Commit}");
        var normal = new Dictionary<string, string>(settings.AppEnvironment) { ["Storage__Sqlite__Synchronous"] = "NORMAL" };
        using var current = await ServicePair.StartAsync("current", dataFolder, settings.AppEnvironment);
        using var currentNormal = await ServicePair.StartAsync("current-normal", dataFolder, normal);
        using var before = await ServicePair.StartAsync($"previous-{previous.Commit}", dataFolder, settings.AppEnvironment, appsRoot: previous.Root);
        ServicePair[] pairs = [current, currentNormal, before];
        string[] names = ["this tree (FULL)", "this tree (NORMAL)", previous.Commit];
        var services = pairs.Select(p => Channels.Http(p.MarriageHttp, 64, partner: false, service: true)).ToArray();
        var rest = pairs.Select((p, i) => Channels.Rest($"{names[i]}: gateway REST", p.GatewayHttp, Clients, partner: true)).ToArray();
        var grpc = pairs.Select((p, i) => Channels.Grpc($"{names[i]}: gateway gRPC", p.GatewayGrpc, partner: true)).ToArray();
        try
        {
            for (var i = 0; i < pairs.Length; i++) await WarmUpAsync(services[i], rest[i]);

            // The opening minute twice per side, in alternated order: couples for fewer places, through the gateway.
            var opening = pairs.Select(_ => new List<Measured>()).ToArray();
            var couples = Math.Max(Requests, settings.Couples / 4);
            var places = Math.Max(1, Math.Min(couples, settings.Places / 4));
            for (var round = 0; round < 2; round++)
            {
                var order = round == 0 ? new[] { 0, 1, 2 } : [2, 1, 0];
                foreach (var side in order)
                {
                    var office = NewOffice(services[side], $"previous-{side}-{round}");
                    var date = DaysAhead(8);
                    var slots = await office.OpenDayAsync(date, Math.Min(20, places), places);
                    var requests = Enumerable.Range(0, couples).Select(i => new BookingRequest(office.Id, slots[i % slots.Count], Couple.Next(),
                        $"{office.Id}-{i}")).ToList();
                    var measured = await Load.RunAsync(requests, Clients, rest[side].BookAsync);
                    opening[side].Add(measured);
                    await ProveBookingsAsync(scenario, office, date, date, requests, measured.Answers, Math.Min(couples, places));
                }
            }
            var openingRuns = opening.Select((parts, i) => report.Add(Load.Summarize(scenario, $"{names[i]}: opening minute", Clients, [.. parts]))).ToArray();

            var restRuns = await CompareAsync(scenario, await Task.WhenAll(rest.Select(async (channel, i) =>
                ((IBookingChannel)channel, await OfficeWithRoomAsync(services[i], $"previous-rest-{i}", DaysAhead(9))))));
            var grpcRuns = await CompareAsync(scenario, await Task.WhenAll(grpc.Select(async (channel, i) =>
                ((IBookingChannel)channel, await OfficeWithRoomAsync(services[i], $"previous-grpc-{i}", DaysAhead(9))))));

            void Versus(string what, RunResult now, RunResult then, double minimum) =>
                report.Ratio(what, now.Throughput / then.Throughput, minimum,
                    $"{now.Throughput:0} vs {then.Throughput:0} req/s; p99 {now.P99Ms:0.0} vs {then.P99Ms:0.0} ms");
            Versus($"opening minute, this tree / {previous.Commit}", openingRuns[0], openingRuns[2], 0.9);
            Versus($"gateway REST bookings, this tree / {previous.Commit}", restRuns[0].Result, restRuns[2].Result, 0.9);
            Versus($"gateway gRPC bookings, this tree / {previous.Commit}", grpcRuns[0].Result, grpcRuns[2].Result, 0.9);
            Versus("opening minute, synchronous FULL / NORMAL (the cost of durability)", openingRuns[0], openingRuns[1], 0);
            Versus("gateway REST bookings, synchronous FULL / NORMAL", restRuns[0].Result, restRuns[1].Result, 0);
        }
        finally
        {
            foreach (var disposable in services.Cast<IDisposable>().Concat(rest).Concat(grpc)) disposable.Dispose();
        }
    }

    /// <summary>4: the same load through a traced pair (every span sampled, exported over OTLP to a receiver here) and an
    /// untraced one (no exporter), both fresh, in one run.</summary>
    private async Task TracingAsync()
    {
        const string scenario = "4 tracing overhead";
        Console.WriteLine($"{scenario}: {Requests} bookings each through an untraced and a traced gateway + marriage");
        await using var sink = new SpanSink();
        await sink.StartAsync();
        using var off = await ServicePair.StartAsync("tracing-off", dataFolder, settings.AppEnvironment, appsRoot: settings.AppsFrom);
        using var on = await ServicePair.StartAsync("tracing-on", dataFolder, settings.AppEnvironment, sink.Endpoint, settings.AppsFrom);
        using var offService = Channels.Http(off.MarriageHttp, 16, partner: false, service: true);
        using var onService = Channels.Http(on.MarriageHttp, 16, partner: false, service: true);
        using var offGateway = Channels.Rest("tracing off, gateway REST", off.GatewayHttp, Clients, partner: true);
        using var onGateway = Channels.Rest("tracing on, gateway REST", on.GatewayHttp, Clients, partner: true);

        var offOffice = await OfficeWithRoomAsync(offService, "trace-off", DaysAhead(6));
        var onOffice = await OfficeWithRoomAsync(onService, "trace-on", DaysAhead(6));
        var compared = await CompareAsync(scenario, [(offGateway, offOffice), (onGateway, onOffice)]);
        var (offResult, onResult) = (compared[0].Result, compared[1].Result);

        await Task.Delay(TimeSpan.FromSeconds(3)); // the exporters' last batches
        var traced = WarmUp + Requests;
        report.Require(scenario, "every traced booking exported (gateway and marriage spans)", sink.Spans >= 2L * traced,
            $"{sink.Spans} spans received for {traced} bookings with warm-up ({(double)sink.Spans / traced:0.0} per booking, {sink.Exports} exports)");
        report.Ratio("tracing on / tracing off throughput", onResult.Throughput / offResult.Throughput, 0.85,
            $"{onResult.Throughput:0} vs {offResult.Throughput:0} req/s");
        foreach (var pair in new[] { off, on })
        {
            var (marriage, gateway) = pair.Memory();
            report.Memory.Add(new MemoryReading("scenario 4", pair.Name, marriage));
            report.Memory.Add(new MemoryReading("scenario 4", pair.Name, gateway));
            Console.WriteLine($"  {pair.Name}: marriage peak {marriage.PeakMb:0} MB, gateway peak {gateway.PeakMb:0} MB");
        }
    }

    /// <summary>Channels, the same number of bookings each on an office with room for all, after a warm-up of each;
    /// measured in quarters in the order A B C C B A A B C C B A so drift on a shared machine weighs on every side alike.</summary>
    private async Task<(RunResult Result, Office Office)[]> CompareAsync(string scenario,
        (IBookingChannel Channel, (Office Office, IReadOnlyList<string> Slots) Day)[] sides)
    {
        var requests = sides.Select(s => Fill(s.Day, Requests)).ToArray();
        var parts = await AlternateAsync(sides.Select((s, i) =>
            (s.Channel.Name, WarmUp, requests[i], (Func<BookingRequest, Task<Answer>>)s.Channel.BookAsync)).ToArray(),
            side => Fill(sides[side].Day, WarmUp));
        var results = new (RunResult, Office)[sides.Length];
        for (var i = 0; i < sides.Length; i++)
        {
            ProveAllBooked(scenario, requests[i], [.. parts[i].SelectMany(p => p.Answers)]);
            results[i] = (report.Add(Load.Summarize(scenario, sides[i].Channel.Name, Clients, [.. parts[i]])), sides[i].Day.Office);
        }
        return results;
    }

    /// <summary>Each side warmed up, then its calls in four quarters, the sides' order reversed every other quarter.</summary>
    private async Task<List<Measured>[]> AlternateAsync<T>((string Name, int WarmUp, T[] Calls, Func<T, Task<Answer>> Call)[] sides,
        Func<int, T[]>? warmUpCalls = null)
    {
        for (var i = 0; i < sides.Length; i++)
            await Load.RunAsync(warmUpCalls?.Invoke(i) ?? sides[i].Calls[..Math.Min(sides[i].WarmUp, sides[i].Calls.Length)], Clients, sides[i].Call);
        var parts = sides.Select(_ => new List<Measured>()).ToArray();
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var order = Enumerable.Range(0, sides.Length).ToArray();
            if (quarter % 2 == 1) Array.Reverse(order);
            foreach (var side in order)
            {
                var calls = sides[side].Calls;
                var range = (calls.Length * quarter / 4)..(calls.Length * (quarter + 1) / 4);
                parts[side].Add(await Load.RunAsync(calls[range], Clients, sides[side].Call));
            }
        }
        return parts;
    }

    /// <summary>Both paths of a booking (confirmed and "full") run before the opening is measured, as they would
    /// have on a service up long before the opening minute.</summary>
    private async Task WarmUpAsync(HttpClient service, IBookingChannel gateway)
    {
        var office = NewOffice(service, "warm-up");
        var slots = await office.OpenDayAsync(DaysAhead(6), 20, Math.Max(20, WarmUp / 2));
        await Load.RunAsync(Fill((office, slots), WarmUp), Clients, gateway.BookAsync);
    }

    /// <summary>An office whose day has room for every booking this run will make there.</summary>
    private async Task<(Office Office, IReadOnlyList<string> Slots)> OfficeWithRoomAsync(HttpClient service, string purpose, DateOnly date)
    {
        var office = NewOffice(service, purpose);
        return (office, await office.OpenDayAsync(date, 20, Requests + WarmUp));
    }

    private static BookingRequest[] Fill((Office Office, IReadOnlyList<string> Slots) day, int count) =>
        Enumerable.Range(0, count).Select(i => new BookingRequest(day.Office.Id, day.Slots[i % day.Slots.Count], Couple.Next(),
            $"{day.Office.Id}-{Guid.NewGuid():N}")).ToArray();

    private Office NewOffice(HttpClient service, string purpose) => new(service, $"bench-{purpose}-{Interlocked.Increment(ref _offices)}");

    /// <summary>Exactly the capacity confirmed, every other answer "full", nothing else, one booking per key.</summary>
    private async Task ProveBookingsAsync(string scenario, Office office, DateOnly from, DateOnly to,
        IReadOnlyList<BookingRequest> requests, Answer[] answers, int expected)
    {
        var byKey = requests.Zip(answers).GroupBy(x => x.First.IdempotencyKey).ToList();
        var confirmed = answers.Where(a => a.Outcome == Outcome.Booked).Select(a => a.AppointmentId!).Distinct().Count();
        var keysBooked = byKey.Count(g => g.Any(x => x.Second.Outcome == Outcome.Booked));
        var others = answers.Where(a => a.Outcome != Outcome.Booked).ToList();
        var unclear = others.Where(a => a.Outcome != Outcome.Full).ToList();
        var errors = answers.Count(a => a.Outcome is Outcome.ServerError or Outcome.Failed);
        var retried = byKey.Where(g => g.Count() > 1).ToList();
        var inconsistent = retried.Count(g => g.Select(x => (x.Second.Outcome, x.Second.AppointmentId)).Distinct().Count() > 1);
        var (booked, capacity) = await office.PlacesAsync(from, to);

        report.Require(scenario, "confirmed bookings == capacity", confirmed == expected && keysBooked == expected && booked == expected,
            $"{confirmed} appointments confirmed for {keysBooked} keys, {booked} places booked of {capacity}, expected {expected}");
        report.Require(scenario, "every other answer a clear \"full\" (4xx / FAILED_PRECONDITION)", unclear.Count == 0,
            $"{others.Count - unclear.Count} full, {unclear.Count} other" + (unclear.Count > 0 ? $", e.g. {unclear[0]}" : ""));
        report.Require(scenario, "no 5xx, no failed call", errors == 0, $"{errors} server errors or failed calls");
        if (retried.Count > 0)
        {
            report.Require(scenario, "a retry with the same Idempotency-Key gets the first answer, one booking", inconsistent == 0,
                $"{retried.Count} keys retried: {retried.Count(g => g.All(x => x.Second.Outcome == Outcome.Booked))} booked once and replayed, " +
                $"{retried.Count(g => g.All(x => x.Second.Outcome == Outcome.Full))} full both times, {inconsistent} inconsistent");
        }
    }

    private void ProveAllBooked(string scenario, IReadOnlyList<BookingRequest> requests, Answer[] answers)
    {
        var booked = answers.Where(a => a.Outcome == Outcome.Booked).Select(a => a.AppointmentId).Distinct().Count();
        var wrong = answers.Where(a => a.Outcome != Outcome.Booked).ToList();
        report.Require(scenario, $"all {requests.Count} bookings confirmed once, no 5xx", booked == requests.Count && wrong.Count == 0,
            $"{booked} distinct appointments, {wrong.Count} other answers" + (wrong.Count > 0 ? $", e.g. {wrong[0]}" : ""));
    }

    /// <summary>Zero lost acknowledged bookings: every appointment confirmed to a couple is there, booked.</summary>
    private async Task ProveAcknowledgedAsync(string scenario, HttpClient service, Answer[] answers)
    {
        var ids = answers.Where(a => a.Outcome == Outcome.Booked).Select(a => a.AppointmentId!).Distinct().ToList();
        var missing = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            using var response = await service.GetAsync($"/api/marriage/v1/appointments/{id}");
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !text.Contains("\"BOOKED\"", StringComparison.Ordinal)) Interlocked.Increment(ref missing);
        });
        report.Require(scenario, "every acknowledged booking is stored and booked", missing == 0,
            $"{ids.Count - missing} of {ids.Count} acknowledged appointments found booked");
    }
}
