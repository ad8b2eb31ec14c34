using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;
using static CivilAffairs.Marriage.Storage.Documents.MarriageDocumentMapping;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>
/// Appointments in MongoDB. A booking runs in a transaction: the place is taken by one conditional update and the
/// appointment inserted under a unique index of the persons of active appointments.
/// </summary>
internal sealed class MongoAppointmentStore(MongoMarriageCollections db) : IAppointmentStore
{
    public async Task<BookingOutcome> BookAsync(Appointment appointment, IdempotencyStamp? idempotency, DateOnly today, CancellationToken cancellationToken)
    {
        var (firstId, secondId) = (appointment.FirstParty.IdNumber.Value, appointment.SecondParty.IdNumber.Value);
        try
        {
            return await db.InTransactionAsync<BookingOutcome>(async (s, ct) =>
            {
                if (idempotency is not null)
                {
                    var earlier = await db.Keys.Find(s, k => k.Key == idempotency.Key).FirstOrDefaultAsync(ct);
                    if (earlier is not null)
                    {
                        if (earlier.Fingerprint != idempotency.Fingerprint) return new BookingOutcome.KeyReusedForAnotherRequest();
                        return new BookingOutcome.Replayed(ToDomain(await db.Appointments.Find(s, a => a.Id == earlier.AppointmentId).FirstAsync(ct)));
                    }
                }
                var holder = await db.Appointments.Find(s, MarriageQueries.ActiveHolders(Dates.Format(today), firstId, secondId)).FirstOrDefaultAsync(ct);
                if (holder is not null) return AlreadyBooked(holder, firstId, secondId);
                await db.Appointments.UpdateManyAsync(s, MarriageQueries.StaleHolders(Dates.Format(today), firstId, secondId),
                    Builders<AppointmentDocument>.Update.Unset(a => a.ActivePersons), cancellationToken: ct);

                var taken = await db.Slots.UpdateOneAsync(s, MarriageQueries.SlotWithPlaceLeft(appointment.SlotId), MarriageQueries.TakePlace(), cancellationToken: ct);
                if (taken.ModifiedCount == 0) return new BookingOutcome.SlotFull();
                await db.Appointments.InsertOneAsync(s, ToDocument(appointment), cancellationToken: ct);
                if (idempotency is not null)
                {
                    await db.Keys.InsertOneAsync(s, new IdempotencyDocument
                    {
                        Key = idempotency.Key, Fingerprint = idempotency.Fingerprint, AppointmentId = appointment.AppointmentId,
                    }, cancellationToken: ct);
                }
                return new BookingOutcome.Booked(appointment);
            }, cancellationToken);
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // A concurrent booking won a unique index (same person, or the same idempotency key): this transaction was
            // aborted, nothing of it was written. Answer as the winner decided.
            if (idempotency is not null && await db.Keys.Find(k => k.Key == idempotency.Key).AnyAsync(cancellationToken))
                return await BookAsync(appointment, idempotency, today, cancellationToken);
            var holder = await db.Appointments.Find(MarriageQueries.ActiveHolders(Dates.Format(today), firstId, secondId)).FirstOrDefaultAsync(cancellationToken);
            return holder is null ? new BookingOutcome.PartyAlreadyBooked(1, appointment.Date, false) : AlreadyBooked(holder, firstId, secondId);
        }
    }

    public async Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken)
    {
        var document = await db.Appointments.Find(a => a.Id == appointmentId).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : ToDomain(document);
    }

    public Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken) =>
        db.InTransactionAsync<CancellationOutcome>(async (s, ct) =>
        {
            var document = await db.Appointments.Find(s, MarriageQueries.BookedAppointment(appointmentId)).FirstOrDefaultAsync(ct);
            if (document is null)
            {
                var existing = await db.Appointments.Find(s, a => a.Id == appointmentId).FirstOrDefaultAsync(ct);
                return existing is null ? new CancellationOutcome.NotFound() : new CancellationOutcome.NotActive(ToDomain(existing));
            }
            var cancelled = (ToDomain(document) with { Status = AppointmentStatus.Cancelled, CancelledAt = at, CancelReason = reason })
                .Noting(at, "cancelled" + (reason is null ? "" : ": " + reason));
            await db.Appointments.ReplaceOneAsync(s, MarriageQueries.BookedAppointment(appointmentId), ToDocument(cancelled), cancellationToken: ct);
            await db.Slots.UpdateOneAsync(s, MarriageQueries.SlotWithPlaceTaken(document.SlotId), MarriageQueries.GiveBackPlace(), cancellationToken: ct);
            return new CancellationOutcome.Cancelled(cancelled);
        }, cancellationToken);

    public Task<RescheduleOutcome> RescheduleAsync(string appointmentId, Slot newSlot, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.InTransactionAsync<RescheduleOutcome>(async (s, ct) =>
        {
            var document = await db.Appointments.Find(s, MarriageQueries.BookedAppointment(appointmentId)).FirstOrDefaultAsync(ct);
            if (document is null)
            {
                var existing = await db.Appointments.Find(s, a => a.Id == appointmentId).FirstOrDefaultAsync(ct);
                return existing is null ? new RescheduleOutcome.NotFound() : new RescheduleOutcome.NotActive(ToDomain(existing));
            }
            var taken = await db.Slots.UpdateOneAsync(s, MarriageQueries.SlotWithPlaceLeft(newSlot.SlotId), MarriageQueries.TakePlace(), cancellationToken: ct);
            if (taken.ModifiedCount == 0) return new RescheduleOutcome.SlotFull();
            await db.Slots.UpdateOneAsync(s, MarriageQueries.SlotWithPlaceTaken(document.SlotId), MarriageQueries.GiveBackPlace(), cancellationToken: ct);
            var appointment = ToDomain(document);
            var moved = (appointment with { Date = newSlot.Date, SlotId = newSlot.SlotId, Start = newSlot.Start, End = newSlot.End })
                .Noting(at, $"rescheduled from {appointment.SlotId} to {newSlot.SlotId}");
            await db.Appointments.ReplaceOneAsync(s, MarriageQueries.BookedAppointment(appointmentId), ToDocument(moved), cancellationToken: ct);
            return new RescheduleOutcome.Moved(moved);
        }, cancellationToken);

    public Task<int> RecordNoShowsAsync(string officeId, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async (s, ct) =>
        {
            var missed = await db.Appointments.Find(s, MarriageQueries.StillBookedOn(officeId, Dates.Format(date))).ToListAsync(ct);
            foreach (var document in missed)
            {
                var noShow = (ToDomain(document) with { Status = AppointmentStatus.NoShow }).Noting(at, "no-show: did not check in");
                await db.Appointments.ReplaceOneAsync(s, a => a.Id == document.Id, ToDocument(noShow), cancellationToken: ct);
            }
            await db.Days.UpdateOneAsync(s, d => d.Id == MongoCalendarStore.DayId(officeId, date),
                Builders<CalendarDayDocument>.Update.Set(d => d.Closed, true), cancellationToken: ct);
            return missed.Count;
        }, cancellationToken);

    public async Task<IReadOnlyList<Appointment>> GetDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken)
    {
        var day = Dates.Format(date);
        var documents = await db.Appointments.Find(a => a.OfficeId == officeId && a.Date == day).SortBy(a => a.Start).ThenBy(a => a.BookedAt)
            .ToListAsync(cancellationToken);
        return documents.Select(ToDomain).ToList();
    }

    private static BookingOutcome.PartyAlreadyBooked AlreadyBooked(AppointmentDocument holder, string firstId, string secondId)
    {
        var persons = holder.ActivePersons ?? [];
        return new BookingOutcome.PartyAlreadyBooked(persons.Contains(firstId) ? 1 : 2, Date(holder.Date), persons.Contains(firstId) && persons.Contains(secondId));
    }

    internal static AppointmentDocument ToDocument(Appointment a) => new()
    {
        Id = a.AppointmentId, OfficeId = a.OfficeId, Date = Dates.Format(a.Date), SlotId = a.SlotId,
        Start = Dates.Format(a.Start), End = Dates.Format(a.End), First = a.FirstParty.ToDocument(), Second = a.SecondParty.ToDocument(),
        Status = (int)a.Status, BookedAt = Utc(a.BookedAt), CancelledAt = a.CancelledAt?.UtcDateTime, CancelReason = a.CancelReason,
        History = a.Events.ToList(),
        ActivePersons = a.IsActive ? [a.FirstParty.IdNumber.Value, a.SecondParty.IdNumber.Value] : null,
    };

    internal static Appointment ToDomain(AppointmentDocument a) => new(
        a.Id, a.OfficeId, Date(a.Date), a.SlotId, Time(a.Start), Time(a.End), a.First.ToDomain(), a.Second.ToDomain(), (AppointmentStatus)a.Status,
        Instant(a.BookedAt), a.CancelledAt is { } c ? Instant(c) : null, a.CancelReason, a.History);
}
