using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage;
using CivilAffairs.Marriage.V1;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using AppointmentStatus = CivilAffairs.Marriage.V1.AppointmentStatus;
using DivorceStatus = CivilAffairs.Marriage.V1.DivorceStatus;
using MarriageStatus = CivilAffairs.Marriage.V1.MarriageStatus;
using Party = CivilAffairs.Marriage.V1.Party;
using TicketStatus = CivilAffairs.Marriage.V1.TicketStatus;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// A store file written by the release before the document store (Fixtures/README.md says what is in it) opens with
/// today's code: the service starts on a copy and finds every record through its API, and goes on from there.
/// </summary>
public sealed class EarlierReleaseStoreTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "marriage-release-2026-11.db");
    private readonly MarriageOffice _office = new(new DateTime(2026, 12, 11, 10, 0, 0), Fixture);

    /// <summary>Couple n of the fixture, with the ID numbers the release stored.</summary>
    private static (Party Man, Party Woman) Couple(int n) =>
        (new Party { Name = $"男方{n}", IdNumber = IdNumber(new DateOnly(1990, 1, 1).AddDays(n), n * 2 + 1), Phone = "13900000000" },
         new Party { Name = $"女方{n}", IdNumber = IdNumber(new DateOnly(1993, 6, 1).AddDays(n), n * 2 + 2), Phone = "13900000000" });

    private static string IdNumber(DateOnly birth, int sequence)
    {
        var first17 = $"110105{birth:yyyyMMdd}{sequence:D3}";
        return first17 + CivilAffairs.SharedKernel.ResidentIdNumber.CheckCharacterOf(first17);
    }

    [Fact]
    public async Task Offices_days_slots_and_appointments_are_all_there_with_their_histories()
    {
        var office = await _office.Appointments.GetOfficeAsync(new GetOfficeRequest { OfficeId = MarriageOffice.Id });
        Assert.Equal(("西城区婚姻登记处", 30, "08:00", 4), (office.Name, office.BookingHorizonDays, office.BookingOpensAt, office.Windows));

        var days = (await _office.Appointments.ListAvailabilityAsync(new ListAvailabilityRequest
        {
            OfficeId = MarriageOffice.Id, FromDate = "2026-11-10", ToDate = "2026-12-10",
        })).Days;
        Assert.Equal(["2026-11-10", "2026-11-12"], days.Select(d => d.Date));
        Assert.Equal([(10, 2), (10, 0)], days[0].Slots.Select(s => (s.Capacity, s.Booked)));
        Assert.Equal([("09:00", 8, 1), ("09:30", 5, 0), ("14:00", 4, 0)], days[1].Slots.Select(s => (s.StartTime, s.Capacity, s.Booked)));

        var served = await Appointment("apt_01a1c2dc9b407b9f8f0be4fddd84119e");
        Assert.Equal(AppointmentStatus.Served, served.Status);
        Assert.Equal(3, served.History.Count);
        Assert.Equal(AppointmentStatus.NoShow, (await Appointment("apt_01a1c2dc9b407a5c961ed5bb927337ee")).Status);
        Assert.Contains((await Appointment("apt_01a1c2dc9b407ab286a69a4e1b6b50c1")).History, h => h.EndsWith("cancelled: 计划有变"));
        var moved = await Appointment("apt_01a1c2dc9b407c1a84d72c1e65283ce0");
        Assert.Equal(("2026-11-12", AppointmentStatus.CheckedIn), (moved.Date, moved.Status));
        Assert.Equal(AppointmentStatus.Booked, (await Appointment("apt_01a26281bf407f66b5a208f8993c34d6")).Status);
    }

    [Fact]
    public async Task The_holds_of_active_appointments_still_count_and_a_past_one_does_not()
    {
        await _office.OpenDayAsync("2026-12-30");
        var (man10, woman10) = Couple(10);
        var (man8, woman8) = Couple(8);
        foreach (var (man, woman) in new[] { (man10, woman10), (man8, woman8) })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => _office.Appointments.BookAppointmentAsync(new BookAppointmentRequest
            {
                OfficeId = MarriageOffice.Id, SlotId = MarriageOffice.Slot("2026-12-30", "09:00"), FirstParty = man, SecondParty = woman,
            }).ResponseAsync);
            Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        }
        // Couple 4 checked in on 2026-11-12 and never came to a window: that day has passed.
        var (man4, woman4) = Couple(4);
        var booked = await _office.Appointments.BookAppointmentAsync(new BookAppointmentRequest
        {
            OfficeId = MarriageOffice.Id, SlotId = MarriageOffice.Slot("2026-12-30", "09:00"), FirstParty = man4, SecondParty = woman4,
        });
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
    }

    [Fact]
    public async Task Records_certificates_and_divorces_are_found_with_their_histories_and_numbers_go_on()
    {
        var (man1, _) = Couple(1);
        var first = (await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = man1.IdNumber })).Records.Single();
        Assert.Equal(MarriageStatus.Married, first.Status);
        Assert.Equal(["REGISTERED", "CORRECTED", "DIVORCE_ACCEPTED"], first.History.Select(h => h.Action));
        var reissued = await Record("J2026-xicheng-1-000002");
        Assert.Equal(reissued.MarriageId, (await Record("J2026-xicheng-1-000004")).MarriageId);
        Assert.Equal("J2026-xicheng-1-000004", reissued.CurrentCertificateNumber);
        var divorced = await Record("L2026-xicheng-1-000001");
        Assert.Equal(MarriageStatus.Dissolved, divorced.Status);

        Assert.Equal(DivorceStatus.Withdrawn, (await Divorce("div_01a1c2dc9b4079069fbaff0685f28b77")).Status);
        Assert.Equal("L2026-xicheng-1-000001", (await Divorce("div_01a1c2dc9b40796d8727601607128626")).DivorceCertificateNumber);
        var open = await Divorce("div_01a26281bf4076969ff6bb911e99e4e6");
        Assert.Equal((DivorceStatus.CoolingOff, "R2026-xicheng-1-000003"), (open.Status, open.ReceiptNumber));

        // The couple waiting since the morning marry under the next certificate number; a spouse of a standing marriage
        // cannot marry again, a divorced one can.
        var (man9, woman9) = Couple(9);
        Assert.Equal("J2026-xicheng-1-000005", (await _office.RegisterAsync(await _office.CallAsync(1), man9, woman9)).CurrentCertificateNumber);
        var (man5, _) = Couple(5);
        var (_, stranger) = Couples.Next();
        Assert.Equal("W002", (await _office.WalkInAsync(man5, stranger)).Number);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _office.RegisterAsync(await _office.CallAsync(2), man5, stranger));
        Assert.Contains("recorded as married", refused.Status.Detail);
        var (man6, _) = Couple(6);
        var (_, bride) = Couples.Next();
        await _office.WalkInAsync(man6, bride);
        Assert.Equal("J2026-xicheng-1-000006", (await _office.RegisterAsync(await _office.CallAsync(3), man6, bride)).CurrentCertificateNumber);
    }

    [Fact]
    public async Task The_hall_the_statistics_and_the_undelivered_events_are_kept()
    {
        var left = await _office.Hall.GetTicketAsync(new GetTicketRequest { TicketId = "tkt_01a1c2dc9b4075b98ab59ba8a8d0c03f" });
        Assert.Equal(("W003", TicketStatus.Called, 1), (left.Number, left.Status, left.WindowNumber));
        var board = await _office.Hall.GetHallBoardAsync(new GetHallBoardRequest { OfficeId = MarriageOffice.Id });
        Assert.Equal((1, "W001"), (board.Waiting, board.NextTickets.Single()));

        var day = await _office.Hall.GetDailyStatisticsAsync(new GetDailyStatisticsRequest { OfficeId = MarriageOffice.Id, Date = "2026-11-10" });
        Assert.Equal((2, 4, 3, 3, 1, 1, 2), (day.Appointments, day.CheckIns, day.WalkIns, day.Registrations, day.Reissues, day.NoShows, day.DivorceApplications));
        Assert.Equal([1, 1, 1], day.ServedPerWindow.Select(w => w.Served));
        var today = await _office.Hall.GetDailyStatisticsAsync(new GetDailyStatisticsRequest { OfficeId = MarriageOffice.Id, Date = "2026-12-11" });
        Assert.Equal((1, 1, 1), (today.Divorces, today.DivorceApplications, today.Appointments));

        var outbox = _office.Host.Services.GetRequiredService<IDocumentStore>();
        var events = await outbox.FindAsync(OutboxRecords.Collection, DocumentQuery.All.OrderBy("sequence"));
        Assert.Equal(10, events.Count(e => e.Document.State != OutboxState.Delivered));
        Assert.Equal("evt_01a1c2dc9b4072c88b74606db4cdd2f5", events[0].Document.EventId);
    }

    /// <summary>A file of the first release had no windows, closed days or histories: its days open with the defaults.</summary>
    [Fact]
    public async Task A_file_of_the_first_release_keeps_its_days_too()
    {
        using var directory = new TempDirectory();
        var path = directory.File("first.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE calendar_days (office_id TEXT NOT NULL, date TEXT NOT NULL, appointment_only INTEGER NOT NULL, PRIMARY KEY (office_id, date));
                CREATE TABLE slots (slot_id TEXT PRIMARY KEY, office_id TEXT NOT NULL, date TEXT NOT NULL, start_time TEXT NOT NULL,
                    end_time TEXT NOT NULL, capacity INTEGER NOT NULL, booked INTEGER NOT NULL DEFAULT 0);
                INSERT INTO calendar_days VALUES ('xicheng-1', '2026-12-12', 0);
                INSERT INTO slots VALUES ('xicheng-1-20261212-0900', 'xicheng-1', '2026-12-12', '09:00', '09:30', 5, 2);
                """;
            await command.ExecuteNonQueryAsync();
        }
        using var store = new SqliteDocumentStore(path);
        await store.InitializeAsync([.. MarriageDocuments.All, OutboxRecords.Collection]);
        await new EarlierReleaseImport().MigrateAsync(store, default);
        var day = await new MarriageCalendarStore(store).GetDayAsync("xicheng-1", new DateOnly(2026, 12, 12), default);
        Assert.NotNull(day);
        Assert.Equal((0, false, 2), (day.Windows, day.Closed, day.Slots.Single().Booked));
    }

    private Task<V1.Appointment> Appointment(string id) => _office.Appointments.GetAppointmentAsync(new GetAppointmentRequest { AppointmentId = id }).ResponseAsync;

    private Task<V1.MarriageRecord> Record(string certificate) =>
        _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = certificate }).ResponseAsync;

    private Task<V1.DivorceApplication> Divorce(string id) =>
        _office.Registry.GetDivorceApplicationAsync(new GetDivorceApplicationRequest { ApplicationId = id }).ResponseAsync;

    public void Dispose() => _office.Dispose();
}
