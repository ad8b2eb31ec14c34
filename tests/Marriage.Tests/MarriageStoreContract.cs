using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Sqlite;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Tests;

/// <summary>The behaviour every marriage store must have, run against SQLite and (with MONGODB_URI) MongoDB.</summary>
public sealed class MarriageStoreContract : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 12);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly List<IDisposable> _disposables = [];

    private async Task<MarriageStores> StoresAsync(string kind)
    {
        var stores = await MarriageStores.CreateAsync(kind, _directory);
        _disposables.Add(stores);
        return stores;
    }

    private static CalendarDay OpenedDay(int capacity, DateOnly? date = null)
    {
        var day = date ?? Day;
        return new("xicheng-1", day, false, DayPlan.Slots("xicheng-1", day,
            [new SlotSpecification(new TimeOnly(9, 0), new TimeOnly(9, 30), capacity), new SlotSpecification(new TimeOnly(9, 30), new TimeOnly(10, 0), capacity)]), 3);
    }

    private static Appointment NewAppointment(Slot slot, Party? first = null, Party? second = null) => new(
        "apt_" + Guid.NewGuid().ToString("N"), slot.OfficeId, slot.Date, slot.SlotId, slot.Start, slot.End,
        first ?? Person(Sex.Male), second ?? Person(Sex.Female), AppointmentStatus.Booked, Now, null, null, ["booked"]);

    private static Party Person(Sex sex) =>
        new("王小明", ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(1995, 3, 3), sex), "id"), "13900000000");

    private static QueueTicket Ticket(string officeId, DateOnly date, TicketKind kind, Party first, Party second, string? appointmentId = null,
        DateTimeOffset? at = null) =>
        new("tkt_" + Guid.NewGuid().ToString("N"), officeId, date, "", kind, appointmentId, first, second, TicketStatus.Waiting,
            QueueTicket.RankOf(kind), at ?? Now, at ?? Now, null, null, null, 1);

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_day_opens_once_and_shows_its_slots_in_order(string kind)
    {
        var stores = await StoresAsync(kind);
        Assert.True(await stores.Calendar.OpenDayAsync(OpenedDay(3), default));
        Assert.False(await stores.Calendar.OpenDayAsync(OpenedDay(5), default));
        var day = Assert.Single(await stores.Calendar.GetDaysAsync("xicheng-1", Day.AddDays(-1), Day.AddDays(1), default));
        Assert.Equal(["09:00", "09:30"], day.Slots.Select(s => Dates.Format(s.Start)));
        Assert.All(day.Slots, s => Assert.Equal(3, s.Capacity));
        Assert.Equal(3, day.Windows);
        Assert.Empty(await stores.Calendar.GetDaysAsync("xicheng-1", Day.AddDays(1), Day.AddDays(5), default));
        Assert.Empty(await stores.Calendar.GetDaysAsync("other-office", Day, Day, default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_peak_day_gets_more_places_extra_slots_and_windows(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(2);
        await stores.Calendar.OpenDayAsync(day, default);
        var extra = DayPlan.Slots("xicheng-1", Day, [new SlotSpecification(new TimeOnly(14, 0), new TimeOnly(14, 30), 4)], day.Slots);
        var adjusted = await stores.Calendar.AdjustDayAsync("xicheng-1", Day, [new CapacityIncrease(day.Slots[0].SlotId, 8)], extra, 6, true, default);
        Assert.NotNull(adjusted);
        Assert.Equal([10, 2, 4], adjusted.Slots.Select(s => s.Capacity));
        Assert.Equal(6, adjusted.Windows);
        Assert.True(adjusted.AppointmentOnly);
        Assert.Null(await stores.Calendar.AdjustDayAsync("xicheng-1", Day.AddDays(1), [], [], 2, null, default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Concurrent_bookings_never_exceed_capacity(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(10);
        await stores.Calendar.OpenDayAsync(day, default);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(_ => Task.Run(() => stores.Appointments.BookAsync(NewAppointment(day.Slots[0]), null, Today, default))));
        Assert.Equal(10, outcomes.Count(o => o is BookingOutcome.Booked));
        Assert.Equal(50, outcomes.Count(o => o is BookingOutcome.SlotFull));
        Assert.Equal(10, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_person_holds_one_active_appointment_at_a_time_until_it_is_cancelled(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        var later = OpenedDay(5, Day.AddDays(2));
        await stores.Calendar.OpenDayAsync(day, default);
        await stores.Calendar.OpenDayAsync(later, default);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        var first = NewAppointment(day.Slots[0], man, woman);
        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(first, null, Today, default));

        var sameDay = await stores.Appointments.BookAsync(NewAppointment(day.Slots[1], man), null, Today, default);
        var refused = Assert.IsType<BookingOutcome.PartyAlreadyBooked>(sameDay);
        Assert.Equal((1, Day, false), (refused.PartyNumber, refused.Date, refused.SamePartner));
        var otherDaySameCouple = await stores.Appointments.BookAsync(NewAppointment(later.Slots[0], man, woman), null, Today, default);
        Assert.True(Assert.IsType<BookingOutcome.PartyAlreadyBooked>(otherDaySameCouple).SamePartner);
        var otherPartner = await stores.Appointments.BookAsync(NewAppointment(later.Slots[0], Person(Sex.Male), woman), null, Today, default);
        Assert.Equal(2, Assert.IsType<BookingOutcome.PartyAlreadyBooked>(otherPartner).PartyNumber);
        Assert.Equal(0, (await stores.Calendar.GetSlotAsync(later.Slots[0].SlotId, default))!.Booked);

        var cancelled = Assert.IsType<CancellationOutcome.Cancelled>(await stores.Appointments.CancelAsync(first.AppointmentId, Now, "plans changed", default));
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Appointment.Status);
        Assert.IsType<CancellationOutcome.NotActive>(await stores.Appointments.CancelAsync(first.AppointmentId, Now, null, default));
        Assert.Equal(0, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);

        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(NewAppointment(later.Slots[0], man, woman), null, Today, default));
        var kept = await stores.Appointments.GetAsync(first.AppointmentId, default);
        Assert.Equal(AppointmentStatus.Cancelled, kept!.Status);
        Assert.Equal("plans changed", kept.CancelReason);
        Assert.Contains(kept.Events, e => e.EndsWith("cancelled: plans changed"));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_appointment_of_a_past_day_holds_nobody(string kind)
    {
        var stores = await StoresAsync(kind);
        var past = OpenedDay(5, Today.AddDays(-1));
        await stores.Calendar.OpenDayAsync(past, default);
        await stores.Calendar.OpenDayAsync(OpenedDay(5), default);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        await stores.Appointments.BookAsync(NewAppointment(past.Slots[0], man, woman), null, Today.AddDays(-2), default);
        var slot = (await stores.Calendar.GetDayAsync("xicheng-1", Day, default))!.Slots[0];
        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(NewAppointment(slot, man, woman), null, Today, default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Rescheduling_takes_the_new_place_and_frees_the_old_or_changes_nothing(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(1);
        await stores.Calendar.OpenDayAsync(day, default);
        var mine = NewAppointment(day.Slots[0]);
        var theirs = NewAppointment(day.Slots[1]);
        await stores.Appointments.BookAsync(mine, null, Today, default);
        await stores.Appointments.BookAsync(theirs, null, Today, default);
        Assert.IsType<RescheduleOutcome.SlotFull>(await stores.Appointments.RescheduleAsync(mine.AppointmentId, day.Slots[1], Now, default));
        await stores.Appointments.CancelAsync(theirs.AppointmentId, Now, null, default);
        var moved = Assert.IsType<RescheduleOutcome.Moved>(await stores.Appointments.RescheduleAsync(mine.AppointmentId, day.Slots[1], Now, default));
        Assert.Equal(day.Slots[1].SlotId, moved.Appointment.SlotId);
        Assert.Equal(0, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);
        Assert.Equal(1, (await stores.Calendar.GetSlotAsync(day.Slots[1].SlotId, default))!.Booked);
        Assert.Equal(day.Slots[1].SlotId, (await stores.Appointments.GetAsync(mine.AppointmentId, default))!.SlotId);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_retried_key_replays_the_first_booking_and_a_reused_key_is_refused(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        await stores.Calendar.OpenDayAsync(day, default);
        var appointment = NewAppointment(day.Slots[0]);
        var stamp = new IdempotencyStamp("key-1", "fingerprint-a");
        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(appointment, stamp, Today, default));
        var retry = await stores.Appointments.BookAsync(appointment with { AppointmentId = "apt_other" }, stamp, Today, default);
        Assert.Equal(appointment.AppointmentId, Assert.IsType<BookingOutcome.Replayed>(retry).Appointment.AppointmentId);
        Assert.IsType<BookingOutcome.KeyReusedForAnotherRequest>(
            await stores.Appointments.BookAsync(NewAppointment(day.Slots[0]), stamp with { Fingerprint = "fingerprint-b" }, Today, default));
        Assert.Equal(1, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Closing_a_day_records_no_shows_frees_their_persons_and_closes_it(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        await stores.Calendar.OpenDayAsync(day, default);
        var came = NewAppointment(day.Slots[0]);
        var missed = NewAppointment(day.Slots[0]);
        await stores.Appointments.BookAsync(came, null, Today, default);
        await stores.Appointments.BookAsync(missed, null, Today, default);
        await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.Appointment, came.FirstParty, came.SecondParty, came.AppointmentId), default);
        Assert.Single(await stores.Calendar.GetUnclosedDaysBeforeAsync(Day.AddDays(1), default));
        Assert.Equal(1, await stores.Appointments.RecordNoShowsAsync("xicheng-1", Day, Now, default));
        var appointments = await stores.Appointments.GetDayAsync("xicheng-1", Day, default);
        Assert.Equal(AppointmentStatus.NoShow, appointments.Single(a => a.AppointmentId == missed.AppointmentId).Status);
        Assert.Equal(AppointmentStatus.CheckedIn, appointments.Single(a => a.AppointmentId == came.AppointmentId).Status);
        Assert.Empty(await stores.Calendar.GetUnclosedDaysBeforeAsync(Day.AddDays(1), default));
        Assert.True((await stores.Calendar.GetDayAsync("xicheng-1", Day, default))!.Closed);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Tickets_are_numbered_per_kind_and_called_in_queue_order_once(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        await stores.Calendar.OpenDayAsync(day, default);
        var booked = NewAppointment(day.Slots[0]);
        await stores.Appointments.BookAsync(booked, null, Today, default);
        var walkIn = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, Person(Sex.Male), Person(Sex.Female), at: Now), default);
        var ticket = await stores.Hall.CheckInAsync(
            Ticket("xicheng-1", Day, TicketKind.Appointment, booked.FirstParty, booked.SecondParty, booked.AppointmentId, Now.AddMinutes(1)), default);
        var again = await stores.Hall.CheckInAsync(
            Ticket("xicheng-1", Day, TicketKind.Appointment, booked.FirstParty, booked.SecondParty, booked.AppointmentId, Now.AddMinutes(2)), default);
        Assert.Equal(("W001", "A001"), (walkIn.Number, ticket.Number));
        Assert.Equal(ticket.TicketId, again.TicketId);
        Assert.Equal(AppointmentStatus.CheckedIn, (await stores.Appointments.GetAsync(booked.AppointmentId, default))!.Status);

        var calls = await Task.WhenAll(Enumerable.Range(1, 3).Select(w => stores.Hall.CallNextAsync("xicheng-1", Day, w, Now, default)));
        Assert.Equal(2, calls.Count(c => c is not null));
        Assert.Equal(2, calls.Where(c => c is not null).Select(c => c!.TicketId).Distinct().Count());
        var appointmentFirst = (await stores.Hall.GetTicketsAsync("xicheng-1", Day, default)).Single(t => t.TicketId == ticket.TicketId);
        Assert.Equal(TicketStatus.Called, appointmentFirst.Status);
        Assert.NotNull(await stores.Hall.GetCalledAsync("xicheng-1", Day, appointmentFirst.WindowNumber!.Value, default));

        var skipped = appointmentFirst with { Status = TicketStatus.Skipped, Version = appointmentFirst.Version + 1 };
        Assert.True(await stores.Hall.UpdateTicketAsync(skipped, appointmentFirst.Version, default));
        Assert.False(await stores.Hall.UpdateTicketAsync(skipped with { Version = 99 }, appointmentFirst.Version, default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task The_archive_keeps_one_standing_marriage_per_person_and_finds_records_by_certificate_and_id_number(string kind)
    {
        var stores = await StoresAsync(kind);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        var ticket = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, woman), default);
        var record = Record(man, woman, "J2026-xicheng-1-000001");
        var registered = await stores.Archive.RegisterAsync(record, ticket with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1,
            [Event("evt_1", record.MarriageId), Event("evt_2", record.MarriageId)], default);
        Assert.IsType<RegistrationOutcome.Registered>(registered);
        Assert.Equal(TicketStatus.Done, (await stores.Hall.GetTicketAsync(ticket.TicketId, default))!.Status);

        var second = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, Person(Sex.Male), woman), default);
        var bigamy = await stores.Archive.RegisterAsync(Record(second.FirstParty, woman, "J2026-xicheng-1-000002"),
            second with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1, [Event("evt_3", "m2")], default);
        Assert.Equal(2, Assert.IsType<RegistrationOutcome.PartyAlreadyMarried>(bigamy).PartyNumber);
        // The events were written with the registration, in order; the refused one wrote none.
        Assert.Equal(["evt_1", "evt_2"], (await stores.Outbox.PendingAsync(10, default)).Select(e => e.Message.EventId));
        Assert.Equal(TicketStatus.Waiting, (await stores.Hall.GetTicketAsync(second.TicketId, default))!.Status);

        Assert.Equal(record.MarriageId, (await stores.Archive.GetByCertificateAsync("J2026-xicheng-1-000001", default))!.MarriageId);
        Assert.Null(await stores.Archive.GetByCertificateAsync("J2026-xicheng-1-000002", default));
        Assert.Single(await stores.Archive.FindByIdNumberAsync(woman.IdNumber.Value, default));
        Assert.Empty(await stores.Archive.FindByIdNumberAsync(second.FirstParty.IdNumber.Value, default));
        Assert.Equal(1, (await stores.Archive.CountEntriesAsync("xicheng-1", new DateOnly(2026, 12, 1), default))[ArchiveActions.Registered]);

        var numbers = new List<long>();
        foreach (var series in new[] { "J2026-x", "J2026-x", "L2026-x" }) numbers.Add(await stores.Archive.NextNumberAsync(series, default));
        Assert.Equal([1L, 2L, 1L], numbers);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_divorce_step_saves_application_and_record_together_and_one_application_is_open_at_a_time(string kind)
    {
        var stores = await StoresAsync(kind);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        var ticket = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, woman), default);
        var record = Record(man, woman, "J2026-xicheng-1-000001");
        await stores.Archive.RegisterAsync(record, ticket with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1, [], default);

        var entry = new ArchiveEntry(Now, ArchiveActions.DivorceAccepted, "clerk-1", "xicheng-1", 0, "accepted");
        var application = new DivorceApplication("div_1", record.MarriageId, "xicheng-1", Today, "R1", new DivorceAgreement("无", "各自所有", "无"),
            DivorceState.Open, null, null, [entry], 1);
        var withEntry = (record with { Version = 2 }).Appending(entry);
        Assert.True(await stores.Archive.SaveDivorceStepAsync(application, null, withEntry, 1, [], default));
        Assert.False(await stores.Archive.SaveDivorceStepAsync(application with { ApplicationId = "div_2" }, null, (withEntry with { Version = 3 }).Appending(entry), 2, [], default));
        Assert.Null(await stores.Archive.GetDivorceAsync("div_2", default));
        Assert.Single(await stores.Archive.GetOpenDivorcesAsync(default));

        // A stale record version rolls the application step back too.
        var withdrawn = application with { State = DivorceState.Withdrawn, Version = 2 };
        Assert.False(await stores.Archive.SaveDivorceStepAsync(withdrawn, 1, (withEntry with { Version = 9 }).Appending(entry), 7, [], default));
        Assert.Equal(DivorceState.Open, (await stores.Archive.GetDivorceAsync("div_1", default))!.State);

        var divorced = withEntry with { Status = MarriageStatus.Dissolved, Version = 3 };
        Assert.True(await stores.Archive.SaveDivorceStepAsync(application with { State = DivorceState.Divorced, Version = 2 }, 1,
            divorced.Appending(entry with { Action = ArchiveActions.Divorced }), 2, [], default));
        Assert.Equal(MarriageStatus.Dissolved, (await stores.Archive.GetAsync(record.MarriageId, default))!.Status);
        Assert.Empty(await stores.Archive.GetOpenDivorcesAsync(default));

        // Once dissolved, both may marry again.
        var next = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, Person(Sex.Female)), default);
        Assert.IsType<RegistrationOutcome.Registered>(await stores.Archive.RegisterAsync(Record(man, next.SecondParty, "J2026-xicheng-1-000009"),
            next with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1, [], default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Unknown_ids_are_absent(string kind)
    {
        var stores = await StoresAsync(kind);
        Assert.Null(await stores.Calendar.GetSlotAsync("nope", default));
        Assert.Null(await stores.Appointments.GetAsync("nope", default));
        Assert.IsType<CancellationOutcome.NotFound>(await stores.Appointments.CancelAsync("nope", Now, null, default));
        Assert.Null(await stores.Hall.GetTicketAsync("nope", default));
        Assert.Null(await stores.Archive.GetAsync("nope", default));
        Assert.Null(await stores.Offices.GetAsync("nope", default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Office_settings_are_saved_and_replaced(string kind)
    {
        var stores = await StoresAsync(kind);
        await stores.Offices.SaveAsync(new OfficeSettings("xicheng-1", "西城区婚姻登记处", 14, new TimeOnly(8, 30), 6, false), default);
        await stores.Offices.SaveAsync(new OfficeSettings("xicheng-1", "西城区婚姻登记处", 21, new TimeOnly(9, 0), 8, true), default);
        var office = await stores.Offices.GetAsync("xicheng-1", default);
        Assert.Equal((21, new TimeOnly(9, 0), 8, true), (office!.BookingHorizonDays, office.BookingOpensAt, office.Windows, office.WalkInsAllowed));
    }

    private static OutboxMessage Event(string id, string aggregate) =>
        new(id, aggregate, "feedback", "/civilaffairs.feedback.v1.Feedback/CreateInvitation", [1, 2, 3], Window.MarriageRegistration, null, Now);

    private static MarriageRecord Record(Party man, Party woman, string certificate) => new(
        "mar_" + Guid.NewGuid().ToString("N"), "xicheng-1", Today, man, woman, new Declarations(true, true, true), MarriageStatus.Married,
        [new Certificate(certificate, CertificateKind.Marriage, CertificateStatus.Valid, Now, null)],
        [new ArchiveEntry(Now, ArchiveActions.Registered, "clerk-1", "xicheng-1", 1, "registered")], 1);

    [MongoFact]
    public async Task The_mongo_runs_of_this_suite_reach_a_replica_set()
    {
        var client = new MongoClient(MongoFactAttribute.MongoUri);
        using var session = await client.StartSessionAsync();
        session.StartTransaction();
        await session.AbortTransactionAsync();
        Assert.Equal(2, ((IEnumerable<object[]>)StoreKinds.Available()).Count());
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables) disposable.Dispose();
        _directory.Dispose();
    }
}

/// <summary>A store file written by the first release of the service opens with today's code: columns are added, data kept.</summary>
public sealed class SqliteMarriageSchemaUpgradeTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_file_from_the_first_release_gains_the_new_columns_and_keeps_its_days()
    {
        var path = _directory.File("old.db");
        using (var old = new SqliteDatabase(path))
        {
            await old.MigrateAsync("""
                CREATE TABLE calendar_days (office_id TEXT NOT NULL, date TEXT NOT NULL, appointment_only INTEGER NOT NULL, PRIMARY KEY (office_id, date));
                CREATE TABLE slots (slot_id TEXT PRIMARY KEY, office_id TEXT NOT NULL, date TEXT NOT NULL, start_time TEXT NOT NULL,
                    end_time TEXT NOT NULL, capacity INTEGER NOT NULL, booked INTEGER NOT NULL DEFAULT 0);
                INSERT INTO calendar_days VALUES ('xicheng-1', '2026-12-12', 0);
                INSERT INTO slots VALUES ('xicheng-1-20261212-0900', 'xicheng-1', '2026-12-12', '09:00', '09:30', 5, 2);
                """);
        }
        using var database = new SqliteDatabase(path);
        await new SqliteMarriageSchema(database).InitializeAsync(default);
        var day = await new SqliteCalendarStore(database).GetDayAsync("xicheng-1", new DateOnly(2026, 12, 12), default);
        Assert.NotNull(day);
        Assert.Equal((0, false, 2), (day.Windows, day.Closed, day.Slots.Single().Booked));
    }

    public void Dispose() => _directory.Dispose();
}
