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
    }

    /// <summary>Every scenario but 4, one after the other on one pair of processes (tracing off).</summary>
    private async Task OnMainPairAsync()
    {
        Console.WriteLine("starting marriage and gateway (tracing off) ...");
        using (var pair = await ServicePair.StartAsync("main", dataFolder, settings.AppEnvironment))
        using (var service = Channels.Http(pair.MarriageHttp, 64, partner: false))
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

        var measured = await Load.RunAsync(requests, Clients, gateway.BookAsync);
        report.Add(Load.Summarize(scenario, "gateway REST", Clients, measured));
        await ProveBookingsAsync(scenario, office, date, date, requests, measured.Answers, Math.Min(settings.Couples, settings.Places));
        await ProveAcknowledgedAsync(scenario, service, measured.Answers);

        var (marriage, gatewayMemory) = pair.Memory();
        report.Remember("scenario 1", pair.Name, marriage, MemoryLimitMb);
        report.Remember("scenario 1", pair.Name, gatewayMemory, MemoryLimitMb);
    }

    /// <summary>2: anonymous phones polling availability through the gateway while couples book.</summary>
    private async Task PollingAsync(ServicePair pair, HttpClient service, IBookingChannel gateway)
    {
        const string scenario = "2 availability polling";
        var bookers = Math.Max(1, Clients / 2);
        var pollers = Math.Max(1, Clients / 2);
        var couples = Math.Max(Requests, settings.Couples / 4);
        Console.WriteLine($"{scenario}: {couples} couples with {bookers} clients, alone and with {pollers} pollers");
        var date = DaysAhead(5);

        // The same booking load first without pollers, for what polling costs the bookings.
        var alone = await OpenDayForAsync(service, "unpolled", date, couples);
        var unpolled = await Load.RunAsync(alone.Requests, bookers, gateway.BookAsync);
        var baseline = report.Add(Load.Summarize(scenario, "booking alone (gateway REST)", bookers, unpolled));
        await ProveBookingsAsync(scenario, alone.Office, date, date, alone.Requests, unpolled.Answers, Math.Min(couples, settings.Places));

        var (office, requests) = await OpenDayForAsync(service, "polling", date, couples);
        using var phones = Channels.Http(pair.GatewayHttp, pollers, partner: false);
        var overbooked = 0;
        var path = $"/api/marriage/v1/offices/{office.Id}/availability?from_date={date:yyyy-MM-dd}&to_date={date:yyyy-MM-dd}";
        var booking = Load.RunAsync(requests, bookers, gateway.BookAsync);
        var polling = Load.UntilAsync(pollers, booking, async () =>
        {
            using var response = await phones.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status != 200) return new Answer(Channels.Refusal(status, text), status, Detail: text);
            using var availability = JsonDocument.Parse(text);
            foreach (var slot in availability.RootElement.GetProperty("days")[0].GetProperty("slots").EnumerateArray())
                if (Office.Int(slot, "booked") > Office.Int(slot, "capacity")) Interlocked.Increment(ref overbooked);
            return new Answer(Outcome.Answered, status);
        });
        var booked = await booking;
        var polled = await polling;
        var polledBookings = report.Add(Load.Summarize(scenario, "booking while polled (gateway REST)", bookers, booked));
        report.Notes.Add($"Scenario 2: bookings while {pollers} phones poll availability ran at {polledBookings.Throughput / baseline.Throughput:0.00}x " +
                         "of the same bookings without pollers.");
        var polls = report.Add(Load.Summarize(scenario, "polling availability (gateway REST)", pollers, polled));
        await ProveBookingsAsync(scenario, office, date, date, requests, booked.Answers, Math.Min(couples, settings.Places));
        report.Require(scenario, "every poll answered, never more booked than capacity",
            polls.Count(Outcome.Answered) == polls.Requests && overbooked == 0,
            $"{polls.Count(Outcome.Answered)} of {polls.Requests} polls answered, {overbooked} slots seen overbooked");
    }

    /// <summary>A day of the run's places on a new office, and one booking request per couple spread over its slots.</summary>
    private async Task<(Office Office, List<BookingRequest> Requests)> OpenDayForAsync(HttpClient service, string purpose, DateOnly date, int couples)
    {
        var office = NewOffice(service, purpose);
        var slots = await office.OpenDayAsync(date, Math.Min(20, settings.Places), settings.Places);
        return (office, Enumerable.Range(0, couples)
            .Select(i => new BookingRequest(office.Id, slots[i % slots.Count], Couple.Next(), $"{office.Id}-{i}")).ToList());
    }

    /// <summary>3: the same booking call direct and through the gateway, REST and gRPC, same concurrency.</summary>
    private async Task GatewayOverheadAsync(ServicePair pair, HttpClient service, IBookingChannel gatewayRest)
    {
        const string scenario = "3 gateway overhead";
        Console.WriteLine($"{scenario}: {Requests} bookings per variant, {Clients} clients");
        using var directRest = Channels.Rest("direct REST", pair.MarriageHttp, Clients, partner: false);
        using var directGrpc = Channels.Grpc("direct gRPC", pair.MarriageGrpc, partner: false);
        using var gatewayGrpc = Channels.Grpc("gateway gRPC", pair.GatewayGrpc, partner: true);
        var date = DaysAhead(6);
        var rest = await CompareAsync(scenario, (directRest, await OfficeWithRoomAsync(service, "direct-rest", date)),
            (gatewayRest, await OfficeWithRoomAsync(service, "gateway-rest", date)));
        var grpc = await CompareAsync(scenario, (directGrpc, await OfficeWithRoomAsync(service, "direct-grpc", date)),
            (gatewayGrpc, await OfficeWithRoomAsync(service, "gateway-grpc", date)));
        report.Ratio("gateway REST / direct REST throughput", rest.Second.Throughput / rest.First.Throughput, 0.6,
            $"{rest.Second.Throughput:0} vs {rest.First.Throughput:0} req/s");
        report.Ratio("gateway gRPC / direct gRPC throughput", grpc.Second.Throughput / grpc.First.Throughput, 0.6,
            $"{grpc.Second.Throughput:0} vs {grpc.First.Throughput:0} req/s");
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

    /// <summary>4: the same load through a traced pair (every span sampled, exported over OTLP to a receiver here) and an
    /// untraced one (no exporter), both fresh, in one run.</summary>
    private async Task TracingAsync()
    {
        const string scenario = "4 tracing overhead";
        Console.WriteLine($"{scenario}: {Requests} bookings each through an untraced and a traced gateway + marriage");
        await using var sink = new SpanSink();
        await sink.StartAsync();
        using var off = await ServicePair.StartAsync("tracing-off", dataFolder, settings.AppEnvironment);
        using var on = await ServicePair.StartAsync("tracing-on", dataFolder, settings.AppEnvironment, sink.Endpoint);
        using var offService = Channels.Http(off.MarriageHttp, 16, partner: false);
        using var onService = Channels.Http(on.MarriageHttp, 16, partner: false);
        using var offGateway = Channels.Rest("tracing off, gateway REST", off.GatewayHttp, Clients, partner: true);
        using var onGateway = Channels.Rest("tracing on, gateway REST", on.GatewayHttp, Clients, partner: true);

        var offOffice = await OfficeWithRoomAsync(offService, "trace-off", DaysAhead(6));
        var onOffice = await OfficeWithRoomAsync(onService, "trace-on", DaysAhead(6));
        var (offResult, onResult) = await CompareAsync(scenario, (offGateway, offOffice), (onGateway, onOffice));

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

    /// <summary>Two channels, the same number of bookings each on an office with room for all, after a warm-up of
    /// both; measured in quarters in the order A B B A A B B A so drift on a shared machine weighs on both sides alike.</summary>
    private async Task<(RunResult First, RunResult Second)> CompareAsync(string scenario,
        (IBookingChannel Channel, (Office, IReadOnlyList<string>) Day) first, (IBookingChannel Channel, (Office, IReadOnlyList<string>) Day) second)
    {
        await Load.RunAsync(Fill(first.Day, WarmUp), Clients, first.Channel.BookAsync);
        await Load.RunAsync(Fill(second.Day, WarmUp), Clients, second.Channel.BookAsync);
        var channels = new[] { first.Channel, second.Channel };
        var requests = new[] { Fill(first.Day, Requests), Fill(second.Day, Requests) };
        var parts = new[] { new List<Measured>(), new List<Measured>() };
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var range = (Requests * quarter / 4)..(Requests * (quarter + 1) / 4);
            foreach (var side in quarter % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                parts[side].Add(await Load.RunAsync(requests[side][range], Clients, channels[side].BookAsync));
        }
        ProveAllBooked(scenario, requests[0], [.. parts[0].SelectMany(p => p.Answers)]);
        ProveAllBooked(scenario, requests[1], [.. parts[1].SelectMany(p => p.Answers)]);
        return (report.Add(Load.Summarize(scenario, first.Channel.Name, Clients, [.. parts[0]])),
            report.Add(Load.Summarize(scenario, second.Channel.Name, Clients, [.. parts[1]])));
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
