using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Mongo;
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
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();
    private readonly List<IDisposable> _disposables = [];

    private async Task<(IMarriageCalendarStore Calendar, IAppointmentStore Appointments)> StoreAsync(string kind)
    {
        IStoreInitializer store;
        if (kind == StoreKinds.Sqlite)
        {
            var database = new SqliteDatabase(_directory.File($"{Guid.NewGuid():N}.db"));
            _disposables.Add(database);
            store = new SqliteMarriageStore(database);
        }
        else
        {
            var client = new MongoClient(MongoFactAttribute.MongoUri);
            store = new MongoMarriageStore(client, client.GetDatabase(MongoFactAttribute.FreshDatabaseName("marriage")));
        }
        await store.InitializeAsync(CancellationToken.None);
        return ((IMarriageCalendarStore)store, (IAppointmentStore)store);
    }

    private static CalendarDay OpenedDay(int capacity) =>
        new("xicheng-1", Day, false, DayPlan.Slots("xicheng-1", Day,
            [new SlotSpecification(new TimeOnly(9, 0), new TimeOnly(9, 30), capacity), new SlotSpecification(new TimeOnly(9, 30), new TimeOnly(10, 0), capacity)]));

    private static Appointment NewAppointment(Slot slot, Domain.Party? first = null, Domain.Party? second = null) => new(
        "apt_" + Guid.NewGuid().ToString("N"), slot.OfficeId, slot.Date, slot.SlotId, slot.Start, slot.End,
        first ?? Person(Sex.Male), second ?? Person(Sex.Female), AppointmentStatus.Booked, Now, null, null);

    private static Domain.Party Person(Sex sex) =>
        new("王小明", ResidentIdNumber.Parse(IdNumbers.Make(new DateOnly(1995, 3, 3), sex), "id"), "13900000000");

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_day_opens_once_and_shows_its_slots_in_order(string kind)
    {
        var (calendar, _) = await StoreAsync(kind);
        Assert.True(await calendar.OpenDayAsync(OpenedDay(3), default));
        Assert.False(await calendar.OpenDayAsync(OpenedDay(5), default));
        var day = Assert.Single(await calendar.GetDaysAsync("xicheng-1", Day.AddDays(-1), Day.AddDays(1), default));
        Assert.Equal(["09:00", "09:30"], day.Slots.Select(s => Dates.Format(s.Start)));
        Assert.All(day.Slots, s => Assert.Equal(3, s.Capacity));
        Assert.Empty(await calendar.GetDaysAsync("xicheng-1", Day.AddDays(1), Day.AddDays(5), default));
        Assert.Empty(await calendar.GetDaysAsync("other-office", Day, Day, default));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Concurrent_bookings_never_exceed_capacity(string kind)
    {
        var (calendar, appointments) = await StoreAsync(kind);
        var day = OpenedDay(10);
        await calendar.OpenDayAsync(day, default);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(_ => Task.Run(() => appointments.BookAsync(NewAppointment(day.Slots[0]), null, default))));
        Assert.Equal(10, outcomes.Count(o => o is BookingOutcome.Booked));
        Assert.Equal(50, outcomes.Count(o => o is BookingOutcome.SlotFull));
        var slot = await calendar.GetSlotAsync(day.Slots[0].SlotId, default);
        Assert.Equal(10, slot!.Booked);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_person_holds_one_active_appointment_a_day_until_it_is_cancelled(string kind)
    {
        var (calendar, appointments) = await StoreAsync(kind);
        var day = OpenedDay(5);
        await calendar.OpenDayAsync(day, default);
        var man = Person(Sex.Male);
        var first = NewAppointment(day.Slots[0], first: man);
        Assert.IsType<BookingOutcome.Booked>(await appointments.BookAsync(first, null, default));

        var again = await appointments.BookAsync(NewAppointment(day.Slots[1], second: null, first: man), null, default);
        Assert.Equal(1, Assert.IsType<BookingOutcome.PartyAlreadyBooked>(again).PartyNumber);
        Assert.Equal(0, (await calendar.GetSlotAsync(day.Slots[1].SlotId, default))!.Booked);

        var cancelled = Assert.IsType<CancellationOutcome.Cancelled>(await appointments.CancelAsync(first.AppointmentId, Now, "plans changed", default));
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Appointment.Status);
        Assert.IsType<CancellationOutcome.AlreadyCancelled>(await appointments.CancelAsync(first.AppointmentId, Now, null, default));
        Assert.Equal(0, (await calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);

        Assert.IsType<BookingOutcome.Booked>(await appointments.BookAsync(NewAppointment(day.Slots[1], first: man), null, default));
        var kept = await appointments.GetAsync(first.AppointmentId, default);
        Assert.Equal(AppointmentStatus.Cancelled, kept!.Status);
        Assert.Equal("plans changed", kept.CancelReason);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_retried_key_replays_the_first_booking_and_a_reused_key_is_refused(string kind)
    {
        var (calendar, appointments) = await StoreAsync(kind);
        var day = OpenedDay(5);
        await calendar.OpenDayAsync(day, default);
        var appointment = NewAppointment(day.Slots[0]);
        var stamp = new IdempotencyStamp("key-1", "fingerprint-a");
        Assert.IsType<BookingOutcome.Booked>(await appointments.BookAsync(appointment, stamp, default));
        var retry = await appointments.BookAsync(appointment with { AppointmentId = "apt_other" }, stamp, default);
        Assert.Equal(appointment.AppointmentId, Assert.IsType<BookingOutcome.Replayed>(retry).Appointment.AppointmentId);
        Assert.IsType<BookingOutcome.KeyReusedForAnotherRequest>(
            await appointments.BookAsync(NewAppointment(day.Slots[0]), stamp with { Fingerprint = "fingerprint-b" }, default));
        Assert.Equal(1, (await calendar.GetSlotAsync(day.Slots[0].SlotId, default))!.Booked);
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Unknown_ids_are_absent(string kind)
    {
        var (calendar, appointments) = await StoreAsync(kind);
        Assert.Null(await calendar.GetSlotAsync("nope", default));
        Assert.Null(await appointments.GetAsync("nope", default));
        Assert.IsType<CancellationOutcome.NotFound>(await appointments.CancelAsync("nope", Now, null, default));
    }

    [MongoFact]
    public async Task The_mongo_runs_of_this_suite_reach_a_replica_set()
    {
        var client = new MongoClient(MongoFactAttribute.MongoUri);
        using var session = await client.StartSessionAsync();
        Assert.NotNull(session);
        Assert.Equal(2, ((IEnumerable<object[]>)StoreKinds.Available()).Count());
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables) disposable.Dispose();
        _directory.Dispose();
    }
}
