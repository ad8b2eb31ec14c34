using System.Globalization;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>
/// Calendars and appointments in MongoDB. A booking runs in a transaction (a replica set is required): the place is
/// taken by one conditional update and the appointment inserted under a unique index of active persons per day.
/// </summary>
internal sealed class MongoMarriageStore : IMarriageCalendarStore, IAppointmentStore, IStoreInitializer
{
    private readonly IMongoClient _client;
    private readonly IMongoCollection<CalendarDayDocument> _days;
    private readonly IMongoCollection<SlotDocument> _slots;
    private readonly IMongoCollection<AppointmentDocument> _appointments;
    private readonly IMongoCollection<IdempotencyDocument> _keys;

    public MongoMarriageStore(IMongoClient client, IMongoDatabase database)
    {
        _client = client;
        _days = database.GetCollection<CalendarDayDocument>("calendar_days");
        _slots = database.GetCollection<SlotDocument>("slots");
        _appointments = database.GetCollection<AppointmentDocument>("appointments");
        _keys = database.GetCollection<IdempotencyDocument>("idempotency_keys");
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _days.Indexes.CreateOneAsync(new CreateIndexModel<CalendarDayDocument>(
            Builders<CalendarDayDocument>.IndexKeys.Ascending(d => d.OfficeId).Ascending(d => d.Date)), cancellationToken: cancellationToken);
        await _slots.Indexes.CreateOneAsync(new CreateIndexModel<SlotDocument>(
            Builders<SlotDocument>.IndexKeys.Ascending(s => s.OfficeId).Ascending(s => s.Date).Ascending(s => s.Start)),
            cancellationToken: cancellationToken);
        await _appointments.Indexes.CreateOneAsync(MarriageQueries.OneActiveAppointmentPerPersonPerDay(), cancellationToken: cancellationToken);
    }

    public async Task<bool> OpenDayAsync(CalendarDay day, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        try
        {
            await session.WithTransactionAsync(async (s, ct) =>
            {
                await _days.InsertOneAsync(s, new CalendarDayDocument
                {
                    Id = $"{day.OfficeId}|{Dates.Format(day.Date)}",
                    OfficeId = day.OfficeId,
                    Date = Dates.Format(day.Date),
                    AppointmentOnly = day.AppointmentOnly,
                }, cancellationToken: ct);
                await _slots.InsertManyAsync(s, day.Slots.Select(ToDocument), cancellationToken: ct);
                return true;
            }, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<CalendarDay>> GetDaysAsync(string officeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (f, t) = (Dates.Format(from), Dates.Format(to));
        var days = await _days.Find(MarriageQueries.DaysOfOffice(officeId, f, t)).SortBy(d => d.Date).ToListAsync(cancellationToken);
        var slots = await _slots.Find(MarriageQueries.SlotsOfOffice(officeId, f, t)).SortBy(s => s.Date).ThenBy(s => s.Start)
            .ToListAsync(cancellationToken);
        var byDate = slots.Select(ToDomain).ToLookup(s => s.Date);
        return days.Select(d =>
        {
            var date = ParseDate(d.Date);
            return new CalendarDay(officeId, date, d.AppointmentOnly, byDate[date].ToList());
        }).ToList();
    }

    public async Task<Slot?> GetSlotAsync(string slotId, CancellationToken cancellationToken)
    {
        var slot = await _slots.Find(s => s.Id == slotId).FirstOrDefaultAsync(cancellationToken);
        return slot is null ? null : ToDomain(slot);
    }

    public async Task<BookingOutcome> BookAsync(Appointment appointment, IdempotencyStamp? idempotency, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        try
        {
            return await session.WithTransactionAsync<BookingOutcome>(async (s, ct) =>
            {
                if (idempotency is not null)
                {
                    var earlier = await _keys.Find(s, k => k.Key == idempotency.Key).FirstOrDefaultAsync(ct);
                    if (earlier is not null)
                    {
                        if (earlier.Fingerprint != idempotency.Fingerprint) return new BookingOutcome.KeyReusedForAnotherRequest();
                        var first = await _appointments.Find(s, a => a.Id == earlier.AppointmentId).FirstAsync(ct);
                        return new BookingOutcome.Replayed(ToDomain(first));
                    }
                }
                var date = Dates.Format(appointment.Date);
                var (firstId, secondId) = (appointment.FirstParty.IdNumber.Value, appointment.SecondParty.IdNumber.Value);
                var holder = await _appointments.Find(s, MarriageQueries.ActiveHoldersOn(date, firstId, secondId)).FirstOrDefaultAsync(ct);
                if (holder is not null)
                    return new BookingOutcome.PartyAlreadyBooked(holder.ActivePersons!.Contains(firstId) ? 1 : 2);

                var taken = await _slots.UpdateOneAsync(s, MarriageQueries.SlotWithPlaceLeft(appointment.SlotId),
                    MarriageQueries.TakePlace(), cancellationToken: ct);
                if (taken.ModifiedCount == 0) return new BookingOutcome.SlotFull();

                await _appointments.InsertOneAsync(s, ToDocument(appointment), cancellationToken: ct);
                if (idempotency is not null)
                {
                    await _keys.InsertOneAsync(s, new IdempotencyDocument
                    {
                        Key = idempotency.Key, Fingerprint = idempotency.Fingerprint, AppointmentId = appointment.AppointmentId,
                    }, cancellationToken: ct);
                }
                return new BookingOutcome.Booked(appointment);
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // A concurrent booking won the unique index (same person that day, or the same idempotency key):
            // the transaction was aborted, so nothing of this one was written. Answer as the winner decided.
            if (idempotency is not null && await _keys.Find(k => k.Key == idempotency.Key).AnyAsync(cancellationToken))
                return await BookAsync(appointment, idempotency, cancellationToken);
            var holder = await _appointments.Find(MarriageQueries.ActiveHoldersOn(
                Dates.Format(appointment.Date), appointment.FirstParty.IdNumber.Value, appointment.SecondParty.IdNumber.Value))
                .FirstOrDefaultAsync(cancellationToken);
            return new BookingOutcome.PartyAlreadyBooked(holder?.ActivePersons?.Contains(appointment.FirstParty.IdNumber.Value) == false ? 2 : 1);
        }
    }

    public async Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken)
    {
        var document = await _appointments.Find(a => a.Id == appointmentId).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ToDomain(document);
    }

    public async Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync<CancellationOutcome>(async (s, ct) =>
        {
            var cancelled = await _appointments.FindOneAndUpdateAsync(s, MarriageQueries.ActiveAppointment(appointmentId),
                MarriageQueries.Cancel(at.UtcDateTime, reason),
                new FindOneAndUpdateOptions<AppointmentDocument> { ReturnDocument = ReturnDocument.After }, ct);
            if (cancelled is null)
            {
                var existing = await _appointments.Find(s, a => a.Id == appointmentId).FirstOrDefaultAsync(ct);
                return existing is null ? new CancellationOutcome.NotFound() : new CancellationOutcome.AlreadyCancelled(ToDomain(existing));
            }
            await _slots.UpdateOneAsync(s, MarriageQueries.SlotWithPlaceTaken(cancelled.SlotId), MarriageQueries.GiveBackPlace(), cancellationToken: ct);
            return new CancellationOutcome.Cancelled(ToDomain(cancelled));
        }, cancellationToken: cancellationToken);
    }

    private static SlotDocument ToDocument(Slot slot) => new()
    {
        Id = slot.SlotId, OfficeId = slot.OfficeId, Date = Dates.Format(slot.Date),
        Start = Dates.Format(slot.Start), End = Dates.Format(slot.End), Capacity = slot.Capacity, Booked = slot.Booked,
    };

    private static Slot ToDomain(SlotDocument s) =>
        new(s.Id, s.OfficeId, ParseDate(s.Date), ParseTime(s.Start), ParseTime(s.End), s.Capacity, s.Booked);

    private static AppointmentDocument ToDocument(Appointment a) => new()
    {
        Id = a.AppointmentId, OfficeId = a.OfficeId, Date = Dates.Format(a.Date), SlotId = a.SlotId,
        Start = Dates.Format(a.Start), End = Dates.Format(a.End),
        First = ToDocument(a.FirstParty), Second = ToDocument(a.SecondParty),
        Status = (int)a.Status, BookedAt = a.BookedAt.UtcDateTime, CancelledAt = a.CancelledAt?.UtcDateTime, CancelReason = a.CancelReason,
        ActivePersons = a.IsActive ? [a.FirstParty.IdNumber.Value, a.SecondParty.IdNumber.Value] : null,
    };

    private static PartyDocument ToDocument(Party p) => new() { Name = p.Name, IdNumber = p.IdNumber.Value, Phone = p.Phone };

    private static Party ToDomain(PartyDocument p, string field) => new(p.Name, ResidentIdNumber.Parse(p.IdNumber, field), p.Phone);

    private static Appointment ToDomain(AppointmentDocument a) => new(
        a.Id, a.OfficeId, ParseDate(a.Date), a.SlotId, ParseTime(a.Start), ParseTime(a.End),
        ToDomain(a.First, "first"), ToDomain(a.Second, "second"), (AppointmentStatus)a.Status,
        new DateTimeOffset(DateTime.SpecifyKind(a.BookedAt, DateTimeKind.Utc)),
        a.CancelledAt is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null,
        a.CancelReason);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, Dates.DateFormat, CultureInfo.InvariantCulture);
    private static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, Dates.TimeFormat, CultureInfo.InvariantCulture);
}
