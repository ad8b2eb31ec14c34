using CivilAffairs.Marriage.Domain;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Tests;

/// <summary>The behaviour every marriage store must have, run against SQLite and (with MONGODB_URI) MongoDB.</summary>
public sealed class MarriageStoreContract : IAsyncDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 12);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly List<MarriageStores> _stores = [];

    private async Task<MarriageStores> StoresAsync(string kind)
    {
        var stores = await MarriageStores.CreateAsync(kind);
        _stores.Add(stores);
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
            .Select(_ => Task.Run(() => stores.Appointments.BookAsync(NewAppointment(day.Slots[0]), Today, default))));
        Assert.Equal(10, outcomes.Count(o => o is BookingOutcome.Booked));
        Assert.Equal(50, outcomes.Count(o => o is BookingOutcome.SlotFull));
        Assert.Equal(10, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Places_added_during_the_rush_are_kept_and_every_booking_is_counted(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        await stores.Calendar.OpenDayAsync(day, default);
        var bookings = Enumerable.Range(0, 30).Select(_ => Task.Run(() => stores.Appointments.BookAsync(NewAppointment(day.Slots[0]), Today, default))).ToList();
        var adjusted = Task.Run(() => stores.Calendar.AdjustDayAsync("xicheng-1", Day, [new CapacityIncrease(day.Slots[0].SlotId, 5)], [], 4, null, default));
        var outcomes = await Task.WhenAll(bookings);
        await adjusted;
        var slot = (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!;
        Assert.Equal(10, slot.Capacity);
        Assert.Equal(outcomes.Count(o => o is BookingOutcome.Booked), slot.Booked);
        Assert.InRange(slot.Booked, 5, 10);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_couple_booking_many_times_at_once_gets_one_appointment_even_over_a_past_hold(string kind)
    {
        var stores = await StoresAsync(kind);
        var past = OpenedDay(5, Today.AddDays(-1));
        var day = OpenedDay(20);
        await stores.Calendar.OpenDayAsync(past, default);
        await stores.Calendar.OpenDayAsync(day, default);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        await stores.Appointments.BookAsync(NewAppointment(past.Slots[0], man, woman), Today.AddDays(-2), default);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => stores.Appointments.BookAsync(NewAppointment(day.Slots[i % 2], man, woman), Today, default))));
        Assert.Single(outcomes.OfType<BookingOutcome.Booked>());
        Assert.All(outcomes.OfType<BookingOutcome.PartyAlreadyBooked>(), refused => Assert.True(refused.SamePartner));
        Assert.Equal(11, outcomes.OfType<BookingOutcome.PartyAlreadyBooked>().Count());
        var booked = await Task.WhenAll(day.Slots.Select(s => stores.Calendar.GetSlotAsync(s.SlotId, default)));
        Assert.Equal(1, booked.Sum(s => s!.Booked));
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
        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(first, Today, default));

        var sameDay = await stores.Appointments.BookAsync(NewAppointment(day.Slots[1], man), Today, default);
        var refused = Assert.IsType<BookingOutcome.PartyAlreadyBooked>(sameDay);
        Assert.Equal((1, Day, false), (refused.PartyNumber, refused.Date, refused.SamePartner));
        var otherDaySameCouple = await stores.Appointments.BookAsync(NewAppointment(later.Slots[0], man, woman), Today, default);
        Assert.True(Assert.IsType<BookingOutcome.PartyAlreadyBooked>(otherDaySameCouple).SamePartner);
        var otherPartner = await stores.Appointments.BookAsync(NewAppointment(later.Slots[0], Person(Sex.Male), woman), Today, default);
        Assert.Equal(2, Assert.IsType<BookingOutcome.PartyAlreadyBooked>(otherPartner).PartyNumber);
        Assert.Equal(0, (await stores.Calendar.GetSlotAsync(later.Slots[0].SlotId, default))!.Booked);

        var cancelled = Assert.IsType<CancellationOutcome.Cancelled>(await stores.Appointments.CancelAsync(first.AppointmentId, Now, "plans changed", default));
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Appointment.Status);
        Assert.IsType<CancellationOutcome.NotActive>(await stores.Appointments.CancelAsync(first.AppointmentId, Now, null, default));
        Assert.Equal(0, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);

        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(NewAppointment(later.Slots[0], man, woman), Today, default));
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
        await stores.Appointments.BookAsync(NewAppointment(past.Slots[0], man, woman), Today.AddDays(-2), default);
        var slot = (await stores.Calendar.GetDayAsync("xicheng-1", Day, default))!.Slots[0];
        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(NewAppointment(slot, man, woman), Today, default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Rescheduling_takes_the_new_place_and_frees_the_old_or_changes_nothing(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(1);
        await stores.Calendar.OpenDayAsync(day, default);
        var mine = NewAppointment(day.Slots[0]);
        var theirs = NewAppointment(day.Slots[1]);
        await stores.Appointments.BookAsync(mine, Today, default);
        await stores.Appointments.BookAsync(theirs, Today, default);
        Assert.IsType<RescheduleOutcome.SlotFull>(await stores.Appointments.RescheduleAsync(mine.AppointmentId, day.Slots[1], Now, default));
        await stores.Appointments.CancelAsync(theirs.AppointmentId, Now, null, default);
        var moved = Assert.IsType<RescheduleOutcome.Moved>(await stores.Appointments.RescheduleAsync(mine.AppointmentId, day.Slots[1], Now, default));
        Assert.Equal(day.Slots[1].SlotId, moved.Appointment.SlotId);
        Assert.Equal(0, (await stores.Calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);
        Assert.Equal(1, (await stores.Calendar.GetSlotAsync(day.Slots[1].SlotId, default))!.Booked);
        Assert.Equal(day.Slots[1].SlotId, (await stores.Appointments.GetAsync(mine.AppointmentId, default))!.SlotId);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Closing_a_day_records_no_shows_frees_their_persons_and_closes_it(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        await stores.Calendar.OpenDayAsync(day, default);
        var came = NewAppointment(day.Slots[0]);
        var missed = NewAppointment(day.Slots[0]);
        await stores.Appointments.BookAsync(came, Today, default);
        await stores.Appointments.BookAsync(missed, Today, default);
        await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.Appointment, came.FirstParty, came.SecondParty, came.AppointmentId), default).Ticket();
        Assert.Single(await stores.Calendar.GetUnclosedDaysBeforeAsync(Day.AddDays(1), default));
        Assert.Equal(1, await stores.Appointments.RecordNoShowsAsync("xicheng-1", Day, Now, default));
        Assert.Equal(AppointmentStatus.NoShow, (await stores.Appointments.GetAsync(missed.AppointmentId, default))!.Status);
        Assert.Equal(AppointmentStatus.CheckedIn, (await stores.Appointments.GetAsync(came.AppointmentId, default))!.Status);
        Assert.Equal(new Dictionary<AppointmentStatus, int> { [AppointmentStatus.CheckedIn] = 1, [AppointmentStatus.NoShow] = 1 },
            await stores.Appointments.CountDayAsync("xicheng-1", Day, default));
        Assert.Empty(await stores.Calendar.GetUnclosedDaysBeforeAsync(Day.AddDays(1), default));
        Assert.True((await stores.Calendar.GetDayAsync("xicheng-1", Day, default))!.Closed);

        // From the next day on, the couple who did not come may book again.
        var later = OpenedDay(5, Day.AddDays(3));
        await stores.Calendar.OpenDayAsync(later, default);
        var again = NewAppointment(later.Slots[0], missed.FirstParty, missed.SecondParty);
        Assert.IsType<BookingOutcome.Booked>(await stores.Appointments.BookAsync(again, Day.AddDays(1), default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Tickets_are_numbered_per_kind_and_called_in_queue_order_once(string kind)
    {
        var stores = await StoresAsync(kind);
        var day = OpenedDay(5);
        await stores.Calendar.OpenDayAsync(day, default);
        var booked = NewAppointment(day.Slots[0]);
        await stores.Appointments.BookAsync(booked, Today, default);
        var walkIn = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, Person(Sex.Male), Person(Sex.Female), at: Now), default).Ticket();
        var ticket = await stores.Hall.CheckInAsync(
            Ticket("xicheng-1", Day, TicketKind.Appointment, booked.FirstParty, booked.SecondParty, booked.AppointmentId, Now.AddMinutes(1)), default).Ticket();
        var again = await stores.Hall.CheckInAsync(
            Ticket("xicheng-1", Day, TicketKind.Appointment, booked.FirstParty, booked.SecondParty, booked.AppointmentId, Now.AddMinutes(2)), default).Ticket();
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
        var ticket = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, woman), default).Ticket();
        var record = Record(man, woman, "J2026-xicheng-1-000001");
        var registered = await stores.Archive.RegisterAsync(record, ticket with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1,
            [Event("evt_1", record.MarriageId), Event("evt_2", record.MarriageId)], default);
        Assert.IsType<RegistrationOutcome.Registered>(registered);
        Assert.Equal(TicketStatus.Done, (await stores.Hall.GetTicketAsync(ticket.TicketId, default))!.Status);

        var second = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, Person(Sex.Male), woman), default).Ticket();
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

        var reissued = (record with
        {
            Certificates = [record.Certificates[0] with { Status = CertificateStatus.Replaced }, new Certificate("J2026-xicheng-1-000003", CertificateKind.Marriage,
                CertificateStatus.Valid, Now, "J2026-xicheng-1-000001")],
            Version = 2,
        }).Appending(new ArchiveEntry(Now, ArchiveActions.Reissued, "clerk-1", "xicheng-1", 1, "lost"));
        Assert.True(await stores.Archive.UpdateAsync(reissued, 1, [], default));
        Assert.False(await stores.Archive.UpdateAsync(reissued with { Version = 3 }, 1, [], default));
        foreach (var number in new[] { "J2026-xicheng-1-000001", "J2026-xicheng-1-000003" })
            Assert.Equal(2, (await stores.Archive.GetByCertificateAsync(number, default))!.Version);
        Assert.Equal(new Dictionary<string, int> { [ArchiveActions.Registered] = 1, [ArchiveActions.Reissued] = 1 },
            await stores.Archive.CountEntriesAsync("xicheng-1", new DateOnly(2026, 12, 1), default));

        var numbers = new List<long>();
        foreach (var series in new[] { "J2026-x", "J2026-x", "L2026-x" }) numbers.Add(await stores.Archive.NextNumberAsync(series, default));
        Assert.Equal([1L, 2L, 1L], numbers);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_divorce_step_saves_application_and_record_together_and_one_application_is_open_at_a_time(string kind)
    {
        var stores = await StoresAsync(kind);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        var ticket = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, woman), default).Ticket();
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
        var next = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, Person(Sex.Female)), default).Ticket();
        Assert.IsType<RegistrationOutcome.Registered>(await stores.Archive.RegisterAsync(Record(man, next.SecondParty, "J2026-xicheng-1-000009"),
            next with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1, [], default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_person_holds_one_ticket_a_day_until_it_is_done(string kind)
    {
        var stores = await StoresAsync(kind);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        var first = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, woman), default).Ticket();

        var sameCouple = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, woman, man), default);
        Assert.Equal(first.TicketId, Assert.IsType<CheckInOutcome.AlreadyQueued>(sameCouple).Held.TicketId);
        var otherPartner = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, Person(Sex.Male), woman), default);
        Assert.Equal(first.TicketId, Assert.IsType<CheckInOutcome.AlreadyQueued>(otherPartner).Held.TicketId);
        Assert.Single(await stores.Hall.GetTicketsAsync("xicheng-1", Day, default));
        // Another day holds nobody of today.
        await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day.AddDays(1), TicketKind.WalkIn, man, woman), default).Ticket();

        Assert.True(await stores.Hall.UpdateTicketAsync(first with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1, default));
        await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, Person(Sex.Male), woman), default).Ticket();
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_ended_marriage_holds_nobody_and_a_record_entered_from_another_office_is_inserted_with_its_application(string kind)
    {
        var stores = await StoresAsync(kind);
        var (man, woman) = (Person(Sex.Male), Person(Sex.Female));
        var ticket = await stores.Hall.CheckInAsync(Ticket("xicheng-1", Day, TicketKind.WalkIn, man, woman), default).Ticket();
        var record = Record(man, woman, "J2026-xicheng-1-000001");
        await stores.Archive.RegisterAsync(record, ticket with { Status = TicketStatus.Done, CompletedAt = Now, Version = 2 }, 1, [], default);
        Assert.True((await stores.MaritalStatus.StatusOfAsync(woman.IdNumber.Value, default)).HasStandingMarriage);
        Assert.Equal("this platform's archive", stores.MaritalStatus.Consulted);

        var widowed = (record with
        {
            Status = MarriageStatus.Widowed, Version = 2,
            Ending = new MarriageEnding(EndingKind.DeathOfSpouse, Today, Now, "clerk-1", DeathEvidence: DeathEvidence.DeathCertificate, EvidenceNumber: "D1", DeceasedParty: 1),
        }).Appending(new ArchiveEntry(Now, ArchiveActions.DeathRecorded, "clerk-1", "xicheng-1", 0, "death"));
        Assert.True(await stores.Archive.UpdateAsync(widowed, 1, [], default));
        Assert.False((await stores.MaritalStatus.StatusOfAsync(woman.IdNumber.Value, default)).HasStandingMarriage);
        var stored = (await stores.Archive.GetAsync(record.MarriageId, default))!;
        Assert.Equal((MarriageStatus.Widowed, EndingKind.DeathOfSpouse, "D1"), (stored.Status, stored.Ending!.Kind, stored.Ending.EvidenceNumber));

        var elsewhere = Record(Person(Sex.Male), woman, "J2019-310101-000007") with
        {
            Elsewhere = new RegisteredElsewhere("J2019-310101-000007", new DateOnly(2019, 5, 20), "上海市黄浦区民政局婚姻登记处"), Version = 1,
        };
        var entry = new ArchiveEntry(Now, ArchiveActions.DivorceAccepted, "clerk-1", "xicheng-1", 0, "accepted");
        var application = new DivorceApplication("div_9", elsewhere.MarriageId, "xicheng-1", Today, "R1", new DivorceAgreement("无", "无", "无"),
            DivorceState.Open, null, null, [entry], 1);
        Assert.True(await stores.Archive.SaveDivorceStepAsync(application, null, elsewhere.Appending(entry), 0, [], default));
        Assert.Equal("上海市黄浦区民政局婚姻登记处", (await stores.Archive.GetByCertificateAsync("J2019-310101-000007", default))!.Elsewhere!.IssuingOffice);
        // Entered once: a second entry of the same marriage (the woman stands married in it now) is refused.
        var twice = elsewhere with { MarriageId = "mar_twice" };
        Assert.False(await stores.Archive.SaveDivorceStepAsync(application with { ApplicationId = "div_10", MarriageId = "mar_twice" }, null, twice, 0, [], default));
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

    public async ValueTask DisposeAsync()
    {
        foreach (var stores in _stores) await stores.DisposeAsync();
    }
}

/// <summary>The ticket of a check-in the store accepted.</summary>
internal static class CheckIns
{
    public static async Task<QueueTicket> Ticket(this Task<CheckInOutcome> outcome) =>
        await outcome is CheckInOutcome.CheckedIn checkedIn ? checkedIn.Ticket : throw new InvalidOperationException("the check-in was refused");
}
