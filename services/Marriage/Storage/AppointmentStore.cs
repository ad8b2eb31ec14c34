using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>
/// Appointments, their places and their persons' holds. A booking is one batch, without reading first: both persons'
/// holds, the conditional place count (<c>booked &lt; capacity</c>) and the appointment. Only when a person already has
/// a hold is it read: a current one refuses the booking, one left by a past day is replaced at its version.
/// </summary>
internal sealed class AppointmentStore(IDocumentStore store) : IAppointmentStore
{
    public async Task<BookingOutcome> BookAsync(Appointment appointment, DateOnly today, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, Stored<PersonHold>> held = new Dictionary<string, Stored<PersonHold>>();
        for (var attempt = 1; ; attempt++)
        {
            // The place first: on the busiest morning most attempts find the slot full, and that refusal should cost
            // one failed increment, not two holds written and undone.
            var batch = new WriteBatch().Increment(Slots, appointment.SlotId, "booked");
            foreach (var hold in HoldsOf(appointment))
            {
                if (held.TryGetValue(hold.IdNumber, out var past)) batch.Replace(Holds, hold, past.Version);
                else batch.Insert(Holds, hold);
            }
            batch.Insert(Appointments, appointment);
            var conflict = await store.CommitAsync(batch, cancellationToken);
            if (conflict is null) return new BookingOutcome.Booked(appointment);
            var full = conflict is WriteConflict.LimitReached or WriteConflict.Missing;
            if (!full && (conflict.Collection != Holds.Name || attempt == Retries.Attempts)) throw Retries.Unexpected(conflict);

            held = (await store.GetManyAsync(Holds, [.. appointment.Parties.Select(p => p.IdNumber.Value)], cancellationToken))
                .ToDictionary(h => h.Document.IdNumber);
            var current = appointment.Parties.Select((party, i) => (Number: i + 1, Hold: held.GetValueOrDefault(party.IdNumber.Value)?.Document))
                .Where(p => p.Hold is not null && p.Hold.Date >= today).ToList();
            if (current.Count > 0)
            {
                // Holds are written in pairs: the same appointment holding both means the same couple.
                var samePartner = current.Count == 2 && current[0].Hold!.AppointmentId == current[1].Hold!.AppointmentId;
                return new BookingOutcome.PartyAlreadyBooked(current[0].Number, current[0].Hold!.Date, samePartner);
            }
            // A person already booked hears that first, as before; otherwise a full slot is full.
            if (full) return new BookingOutcome.SlotFull();
        }
    }

    public async Task<Appointment?> GetAsync(string appointmentId, CancellationToken cancellationToken) =>
        (await store.GetAsync(Appointments, appointmentId, cancellationToken))?.Document;

    public async Task<CancellationOutcome> CancelAsync(string appointmentId, DateTimeOffset at, string? reason, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(Appointments, appointmentId, cancellationToken) is not { } stored) return new CancellationOutcome.NotFound();
            var appointment = stored.Document;
            if (appointment.Status != AppointmentStatus.Booked) return new CancellationOutcome.NotActive(appointment);
            var cancelled = (appointment with { Status = AppointmentStatus.Cancelled, CancelledAt = at, CancelReason = reason })
                .Noting(at, "cancelled" + (reason is null ? "" : ": " + reason));
            var batch = new WriteBatch().Replace(Appointments, cancelled, stored.Version).Increment(Slots, appointment.SlotId, "booked", -1);
            var conflict = await store.CommitAsync(await ReleasingAsync(batch, appointment, cancellationToken), cancellationToken);
            if (conflict is null) return new CancellationOutcome.Cancelled(cancelled);
            if (conflict is not WriteConflict.Stale || attempt == Retries.Attempts) throw Retries.Unexpected(conflict);
        }
    }

    public async Task<RescheduleOutcome> RescheduleAsync(string appointmentId, Slot newSlot, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(Appointments, appointmentId, cancellationToken) is not { } stored) return new RescheduleOutcome.NotFound();
            var appointment = stored.Document;
            if (appointment.Status != AppointmentStatus.Booked) return new RescheduleOutcome.NotActive(appointment);
            var moved = (appointment with { Date = newSlot.Date, SlotId = newSlot.SlotId, Start = newSlot.Start, End = newSlot.End })
                .Noting(at, $"rescheduled from {appointment.SlotId} to {newSlot.SlotId}");
            var batch = new WriteBatch().Increment(Slots, newSlot.SlotId, "booked").Increment(Slots, appointment.SlotId, "booked", -1)
                .Replace(Appointments, moved, stored.Version);
            // The holds of an active appointment are its own: they move with it.
            foreach (var hold in HoldsOf(moved)) batch.Put(Holds, hold);
            var conflict = await store.CommitAsync(batch, cancellationToken);
            if (conflict is null) return new RescheduleOutcome.Moved(moved);
            if (conflict is WriteConflict.LimitReached { Id: var full } && full == newSlot.SlotId) return new RescheduleOutcome.SlotFull();
            if (conflict is not WriteConflict.Stale || attempt == Retries.Attempts) throw Retries.Unexpected(conflict);
        }
    }

    /// <summary>The no-shows' holds are left as they are: their day has passed, so they no longer count, and the
    /// persons' next booking replaces them at their version (removing them here could remove such a new hold).</summary>
    public async Task<int> RecordNoShowsAsync(string officeId, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var missed = await store.FindAsync(Appointments,
                DocumentQuery.Where("office", officeId).And("date", date).And("status", AppointmentStatus.Booked), cancellationToken);
            var batch = new WriteBatch();
            foreach (var stored in missed)
                batch.Replace(Appointments, (stored.Document with { Status = AppointmentStatus.NoShow }).Noting(at, "no-show: did not check in"), stored.Version);
            if (await store.GetAsync(Days, OpenedDay.IdOf(officeId, date), cancellationToken) is { } day)
                batch.Replace(Days, day.Document with { Closed = true }, day.Version);
            var conflict = await store.CommitAsync(batch, cancellationToken);
            if (conflict is null) return missed.Count;
            if (conflict is not WriteConflict.Stale || attempt == Retries.Attempts) throw Retries.Unexpected(conflict);
        }
    }

    public async Task<IReadOnlyDictionary<AppointmentStatus, int>> CountDayAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await store.GroupAsync(Appointments, DocumentQuery.Where("office", officeId).And("date", date), ["status"], cancellationToken: cancellationToken))
        .ToDictionary(g => Enum.Parse<AppointmentStatus>((string)g.Key[0]!), g => (int)g.Count);

    /// <summary>Adds a change of the appointment (checked in, served) to <paramref name="batch"/> at the version read; one
    /// that ends it also frees its persons. False when there is no such appointment.</summary>
    internal async Task<bool> ChangeAsync(WriteBatch batch, string appointmentId, Func<Appointment, Appointment> change, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Appointments, appointmentId, cancellationToken) is not { } stored) return false;
        var changed = change(stored.Document);
        batch.Replace(Appointments, changed, stored.Version);
        if (!changed.IsActive) await ReleasingAsync(batch, changed, cancellationToken);
        return true;
    }

    /// <summary>Frees the appointment's persons: the holds that are still its own (an appointment is cancelled or served
    /// today or later, so nobody else can have taken them meanwhile).</summary>
    private async Task<WriteBatch> ReleasingAsync(WriteBatch batch, Appointment appointment, CancellationToken cancellationToken)
    {
        var holds = await store.GetManyAsync(Holds, [.. appointment.Parties.Select(p => p.IdNumber.Value)], cancellationToken);
        foreach (var hold in holds.Where(h => h.Document.AppointmentId == appointment.AppointmentId)) batch.Delete(Holds, hold.Document.IdNumber);
        return batch;
    }

    private static IEnumerable<PersonHold> HoldsOf(Appointment appointment) =>
        appointment.Parties.Select(p => new PersonHold(p.IdNumber.Value, appointment.AppointmentId, appointment.Date));
}
