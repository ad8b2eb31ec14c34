using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Party = CivilAffairs.Marriage.V1.Party;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// 12 December at one office, start to finish: booking opens weeks ahead and fills, the operator adds places and a
/// window, couples check in, are called, registered and leave with certificates; some never come; one divorce is
/// accepted that day and registered 31 days later. The day's statistics must tell exactly that story.
/// </summary>
public sealed class PeakDayTests : IDisposable
{
    private const string PeakDay = "2026-12-12";
    private readonly MarriageOffice _office = new(new DateTime(2026, 11, 1, 10, 0, 0));

    [Fact]
    public async Task A_whole_peak_day_adds_up_in_its_statistics()
    {
        // Weeks ahead: the office sets its rules and opens the day with 2 slots of 6 places and 3 windows.
        await _office.Appointments.ConfigureOfficeAsync(new ConfigureOfficeRequest
        {
            OfficeId = MarriageOffice.Id, Name = "西城区婚姻登记处", BookingHorizonDays = 30, BookingOpensAt = "08:00", Windows = 3, WalkInsAllowed = true,
        });
        await _office.OpenDayAsync(PeakDay, capacity: 6, windows: 3);

        // An earlier marriage that will come for a divorce on the peak day.
        await _office.OpenDayAsync("2026-11-02");
        _office.At(new DateTime(2026, 11, 2, 9, 0, 0));
        var (earlier, earlierMan, earlierWoman) = await _office.MarryAsync();

        // Booking opens on 12 November at 08:00; at 07:59 it is refused.
        _office.At(new DateTime(2026, 11, 12, 7, 59, 0));
        var early = await Assert.ThrowsAsync<RpcException>(() => _office.BookAsync(MarriageOffice.Slot(PeakDay, "09:00")));
        Assert.Contains("opens at 2026-11-12 08:00", early.Status.Detail);

        // 08:00: the first slot fills at once; the operator adds 4 places, an afternoon slot and a fourth window.
        _office.At(new DateTime(2026, 11, 12, 8, 0, 0));
        var couples = new List<(V1.Appointment Appointment, Party Man, Party Woman)>();
        for (var i = 0; i < 6; i++) couples.Add(await _office.BookAsync(MarriageOffice.Slot(PeakDay, "09:00")));
        var full = await Assert.ThrowsAsync<RpcException>(() => _office.BookAsync(MarriageOffice.Slot(PeakDay, "09:00")));
        Assert.Contains("full", full.Status.Detail);
        var adjust = new AdjustDayRequest { OfficeId = MarriageOffice.Id, Date = PeakDay, Windows = 4, AppointmentOnly = false };
        adjust.CapacityChanges.Add(new SlotCapacityChange { SlotId = MarriageOffice.Slot(PeakDay, "09:00"), AdditionalCapacity = 4 });
        adjust.ExtraSlots.Add(new SlotSpec { StartTime = "14:00", EndTime = "14:30", Capacity = 5 });
        var adjusted = await _office.Appointments.AdjustDayAsync(adjust);
        Assert.Equal((4, 3), (adjusted.Windows, adjusted.Slots.Count));
        for (var i = 0; i < 4; i++) couples.Add(await _office.BookAsync(MarriageOffice.Slot(PeakDay, "09:00")));
        for (var i = 0; i < 5; i++) couples.Add(await _office.BookAsync(MarriageOffice.Slot(PeakDay, "09:30")));
        for (var i = 0; i < 3; i++) couples.Add(await _office.BookAsync(MarriageOffice.Slot(PeakDay, "14:00")));
        // One couple cancels; their place goes to someone else, once.
        await _office.Appointments.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = couples[0].Appointment.AppointmentId, Reason = "改期" });
        couples.RemoveAt(0);
        couples.Add(await _office.BookAsync(MarriageOffice.Slot(PeakDay, "09:00")));
        var availability = await _office.Appointments.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = MarriageOffice.Id, FromDate = PeakDay, ToDate = PeakDay });
        Assert.Equal([10, 5, 3], availability.Days[0].Slots.Select(s => s.Booked));
        Assert.Equal(18, couples.Count);

        // The day: 15 booked couples come (3 never do), 2 walk-in couples too.
        _office.At(new DateTime(2026, 12, 12, 8, 45, 0));
        var present = couples.Take(15).ToList();
        var tickets = new Dictionary<string, (Party Man, Party Woman)>();
        foreach (var (appointment, man, woman) in present)
        {
            var ticket = await _office.CheckInAsync(appointment, man, woman);
            tickets[ticket.TicketId] = (man, woman);
            _office.Wait(TimeSpan.FromMinutes(1));
        }
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (man, woman) = Couples.Next();
            tickets[(await _office.WalkInAsync(man, woman)).TicketId] = (man, woman);
        }

        // Four windows call and register, ten minutes a couple; the first called couple has stepped out and is
        // skipped, then recalled to the front.
        var firstCall = await _office.CallAsync(1);
        await _office.Hall.SkipTicketAsync(new TicketActionRequest { TicketId = firstCall.TicketId, WindowNumber = 1 });
        await _office.Hall.RecallTicketAsync(new TicketActionRequest { TicketId = firstCall.TicketId });
        var registered = new List<V1.MarriageRecord>();
        while (true)
        {
            var board = await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id });
            if (board.Waiting == 0) break;
            for (var window = 1; window <= 4 && registered.Count < tickets.Count; window++)
            {
                Ticket called;
                try { called = await _office.CallAsync(window); }
                catch (RpcException e) when (e.Status.Detail.Contains("nobody is waiting")) { break; }
                var (man, woman) = tickets[called.TicketId];
                registered.Add(await _office.RegisterAsync(called, man, woman));
            }
            _office.Wait(TimeSpan.FromMinutes(10));
        }
        Assert.Equal(17, registered.Count);
        Assert.Equal(17, registered.Select(r => r.CurrentCertificateNumber).Distinct().Count());

        // Also that day: one reissue, and the earlier couple's divorce is accepted.
        await _office.Registry.ReissueCertificateAsync(new ReissueCertificateRequest
        {
            CertificateNumber = registered[3].CurrentCertificateNumber, ApplicantIdNumber = tickets.Values.First(t =>
                registered[3].FirstParty.MaskedIdNumber == Masking.MaskIdNumber(t.Man.IdNumber)).Man.IdNumber,
            Reason = "登记当日证件损毁", ClerkId = "clerk-02", OfficeId = MarriageOffice.Id, WindowNumber = 2,
        });
        var divorce = await _office.Registry.AcceptDivorceAsync(new AcceptDivorceRequest
        {
            OfficeId = MarriageOffice.Id, CertificateNumber = earlier.CurrentCertificateNumber, FirstIdNumber = earlierMan.IdNumber,
            SecondIdNumber = earlierWoman.IdNumber, ClerkId = "clerk-04",
            Agreement = new DivorceAgreement { Children = "无", Property = "各自名下财产归各自所有", Debts = "无" },
        });

        // The next morning the day is closed (by the day-end work or the operator, whichever comes first):
        // the 3 who never came are no-shows.
        _office.At(new DateTime(2026, 12, 13, 8, 0, 0));
        await _office.Appointments.CloseDayAsync(new CloseDayRequest { OfficeId = MarriageOffice.Id, Date = PeakDay });
        var day = await _office.Appointments.ListAvailabilityAsync(new ListAvailabilityRequest { OfficeId = MarriageOffice.Id, FromDate = PeakDay, ToDate = PeakDay });
        Assert.True(day.Days[0].Closed);

        var stats = await _office.Hall.GetDailyStatisticsAsync(new GetDailyStatisticsRequest { OfficeId = MarriageOffice.Id, Date = PeakDay });
        Assert.Equal((18, 17, 2, 17, 1, 0, 1, 3),
            (stats.Appointments, stats.CheckIns, stats.WalkIns, stats.Registrations, stats.DivorceApplications, stats.Divorces, stats.Reissues, stats.NoShows));
        Assert.Equal(17, stats.ServedPerWindow.Sum(w => w.Served));
        Assert.Equal(4, stats.ServedPerWindow.Count);
        Assert.InRange(stats.MedianWaitMinutes, 10, 60);
        Assert.True(stats.P90WaitMinutes >= stats.MedianWaitMinutes);

        // 31 days after acceptance both come back and the divorce is registered.
        _office.At(new DateTime(2027, 1, 12, 10, 0, 0));
        await _office.OpenDayAsync("2027-01-12");
        var divorced = await _office.Registry.RegisterDivorceAsync(new RegisterDivorceRequest
        {
            ApplicationId = divorce.ApplicationId, OfficeId = MarriageOffice.Id, FirstIdNumber = earlierWoman.IdNumber, SecondIdNumber = earlierMan.IdNumber,
            ClerkId = "clerk-04", WindowNumber = 1,
        });
        Assert.Equal((DivorceStatus.Divorced, 31), (divorced.Status, divorced.Day));
        var thatDay = await _office.Hall.GetDailyStatisticsAsync(new GetDailyStatisticsRequest { OfficeId = MarriageOffice.Id, Date = "2027-01-12" });
        Assert.Equal(1, thatDay.Divorces);
    }

    [Fact]
    public async Task The_hall_works_over_rest_too()
    {
        _office.At(new DateTime(2026, 12, 12, 8, 30, 0));
        await _office.OpenDayAsync(PeakDay);
        using var http = _office.Host.CreateClient();
        var (man, woman) = Couples.Next();
        var person = (Party p) => new { name = p.Name, idNumber = p.IdNumber, phone = p.Phone };
        var checkIn = await http.PostAsJsonAsync($"/api/marriage/v1/offices/{MarriageOffice.Id}/hall/check-ins",
            new { firstParty = person(man), secondParty = person(woman) });
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        var ticket = await checkIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("W001", ticket.GetProperty("number").GetString());
        Assert.DoesNotContain(man.IdNumber, ticket.GetRawText());

        var called = await http.PostAsJsonAsync($"/api/marriage/v1/offices/{MarriageOffice.Id}/hall/windows/2:call-next", new { });
        Assert.Equal(HttpStatusCode.OK, called.StatusCode);
        var registration = await http.PostAsJsonAsync("/api/marriage/v1/registrations", new
        {
            ticketId = ticket.GetProperty("ticketId").GetString(), windowNumber = 2, clerkId = "clerk-01",
            firstIdNumber = man.IdNumber, secondIdNumber = woman.IdNumber,
            declarations = new { neitherHasASpouse = true, notCloseRelatives = true, voluntary = true },
        });
        Assert.Equal(HttpStatusCode.OK, registration.StatusCode);
        var record = await registration.Content.ReadFromJsonAsync<JsonElement>();
        var certificate = record.GetProperty("currentCertificateNumber").GetString();
        var fetched = await http.GetFromJsonAsync<JsonElement>($"/api/marriage/v1/archive/certificates/{certificate}");
        Assert.Equal("MARRIED", fetched.GetProperty("status").GetString());

        var search = await http.PostAsJsonAsync("/api/marriage/v1/archive:search", new { idNumber = woman.IdNumber });
        Assert.Single((await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("records").EnumerateArray());

        var board = await http.GetFromJsonAsync<JsonElement>($"/api/marriage/v1/offices/{MarriageOffice.Id}/hall/board");
        Assert.Equal(2, board.GetProperty("slots").GetArrayLength());
        var stats = await http.GetFromJsonAsync<JsonElement>($"/api/marriage/v1/offices/{MarriageOffice.Id}/statistics/{PeakDay}");
        Assert.Equal(1, stats.GetProperty("registrations").GetInt32());

        var refused = await http.PostAsJsonAsync("/api/marriage/v1/registrations", new { ticketId = "", windowNumber = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("ticket_id", body);
        Assert.Contains("declarations", body);
    }

    [Fact]
    public async Task When_a_day_ends_booked_couples_who_never_came_are_no_shows_and_may_book_again()
    {
        _office.At(new DateTime(2026, 12, 1, 9, 0, 0));
        await _office.OpenDayAsync("2026-12-02");
        await _office.OpenDayAsync("2026-12-05");
        var (missed, man, woman) = await _office.BookAsync(MarriageOffice.Slot("2026-12-02", "09:00"));
        _office.At(new DateTime(2026, 12, 3, 0, 5, 0));
        var dayEnd = _office.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DayEnd>().Single();
        await dayEnd.RunOnceAsync(default);
        var appointment = await _office.Appointments.GetAppointmentAsync(new GetAppointmentRequest { AppointmentId = missed.AppointmentId });
        Assert.Equal(AppointmentStatus.NoShow, appointment.Status);
        Assert.Contains(appointment.History, h => h.EndsWith("no-show: did not check in"));
        var rebooked = await _office.Appointments.BookAppointmentAsync(new BookAppointmentRequest
        {
            OfficeId = MarriageOffice.Id, SlotId = MarriageOffice.Slot("2026-12-05", "09:00"), FirstParty = man, SecondParty = woman,
        });
        Assert.Equal(AppointmentStatus.Booked, rebooked.Status);
        var stats = await _office.Hall.GetDailyStatisticsAsync(new GetDailyStatisticsRequest { OfficeId = MarriageOffice.Id, Date = "2026-12-02" });
        Assert.Equal(1, stats.NoShows);
    }

    public void Dispose() => _office.Dispose();
}
